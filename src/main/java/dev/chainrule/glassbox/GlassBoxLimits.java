package dev.chainrule.glassbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * {@code chainrule.glassbox.*}: the most rows a step or gradient check takes, the most values a step
 * answers, the most values a gradient check compares per tensor, and the most multiply-adds one
 * gradient check may cost (which bounds its time: about a second per 10⁹ on one core).
 */
@Validated
@ConfigurationProperties("chainrule.glassbox")
record GlassBoxLimits(
        @DefaultValue("256") @Positive int maxRows,
        @DefaultValue("1000000") @Positive long maxStepValues,
        @DefaultValue("10000") @Positive int maxSamplesPerLayer,
        @DefaultValue("20000000000") @Positive long maxCheckWork) {
}
