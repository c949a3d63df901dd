package dev.chainrule.prediction;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chainrule.predictions.*}: how many instances one request may send, how many dataset rows one
 * page may score, and how many trained models stay loaded.
 */
@Validated
@ConfigurationProperties("chainrule.predictions")
record PredictionLimits(
        @DefaultValue("10000") @Positive int maxInstances,
        @DefaultValue("1000") @Positive int maxPageSize,
        @DefaultValue("16") @Positive int cacheSize) {
}
