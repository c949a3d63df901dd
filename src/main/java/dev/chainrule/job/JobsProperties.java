package dev.chainrule.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code chainrule.jobs.*}: {@code keepCheckpoints} newest checkpoints are kept per job, plus the
 * best; {@code cancelWait} is how long {@code POST /cancel} waits for a running job to stop.
 */
@Validated
@ConfigurationProperties("chainrule.jobs")
record JobsProperties(
        @DefaultValue("3") @Min(1) @Max(1000) int keepCheckpoints,
        @DefaultValue("5s") @NotNull Duration cancelWait) {
}
