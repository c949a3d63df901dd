package dev.chainrule.model;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Caps that keep a model definition trainable on the service's hardware ({@code chainrule.models.*}).
 * {@code maxParameters} is checked whenever the input width is known (given, or fixed by explicit
 * parameters); jobs apply it again once a dataset fixes the width. {@code maxDepth} is how deeply residual
 * blocks may nest (a block of plain layers is depth 1); {@code maxLayers} counts the layers inside blocks too.
 */
@Validated
@ConfigurationProperties("chainrule.models")
record ModelLimits(
        @DefaultValue("4096") @Positive int maxUnits,
        @DefaultValue("64") @Positive int maxLayers,
        @DefaultValue("100000") @Positive int maxInputs,
        @DefaultValue("10000000") @Positive long maxParameters,
        @DefaultValue("4") @Positive int maxDepth) {
}
