package dev.chainrule.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code chainrule.jobs.*}: {@code keepCheckpoints} newest checkpoints are kept per job, plus the best. */
@Validated
@ConfigurationProperties("chainrule.jobs")
record JobsProperties(@DefaultValue("3") @Min(1) @Max(1000) int keepCheckpoints) {
}
