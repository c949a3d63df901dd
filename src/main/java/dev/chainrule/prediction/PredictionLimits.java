package dev.chainrule.prediction;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chainrule.predictions.*}: how many instances one request may send, how many dataset rows one
 * page may score, how many trained models stay loaded, and how long a loaded model is served before
 * its version is asked for again (changes made on this instance are seen at once).
 */
@Validated
@ConfigurationProperties("chainrule.predictions")
record PredictionLimits(
        @DefaultValue("10000") @Positive int maxInstances,
        @DefaultValue("1000") @Positive int maxPageSize,
        @DefaultValue("16") @Positive int cacheSize,
        @DefaultValue("1s") @NotNull Duration versionCheckInterval) {
}
