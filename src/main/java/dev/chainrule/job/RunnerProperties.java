package dev.chainrule.job;

import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code chainrule.runner.*}: how this instance trains queued jobs. {@code lease} is how long a
 * RUNNING job's heartbeat may lapse before another process (or this one after a restart) takes it
 * over; it must be well above {@code heartbeatInterval}. {@code nd4jThreads} 0 (the default) lets
 * the machine decide ({@link #threadsPerJob}); any count gives the same parameters.
 * {@code progressInterval} is how often a running job's step and progress are written for those
 * who follow it (the event streams), apart from the heartbeat so that progress can be frequent
 * while leases stay long.
 */
@Validated
@ConfigurationProperties("chainrule.runner")
record RunnerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") @Min(1) @Max(64) int concurrency,
        @DefaultValue("0") @Min(0) @Max(256) int nd4jThreads,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("2s") @NotNull Duration heartbeatInterval,
        @DefaultValue("300ms") @NotNull Duration progressInterval,
        @DefaultValue("20s") @NotNull Duration lease,
        @DefaultValue("30s") @NotNull Duration shutdownTimeout,
        String instanceId) {

    RunnerProperties {
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = "runner-" + UUID.randomUUID();
        }
        if (lease != null && heartbeatInterval != null && lease.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("chainrule.runner.lease (" + lease
                    + ") must be at least twice chainrule.runner.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }

    /**
     * The threads each job trains on: as configured, or the cores shared among the concurrent jobs,
     * with one core left for HTTP from four cores up (on two, a job that waits for a core is cheaper
     * than a core left idle).
     */
    int threadsPerJob(int cores) {
        if (nd4jThreads > 0) {
            return nd4jThreads;
        }
        int forJobs = cores >= 4 ? cores - 1 : cores;
        return Math.max(1, forJobs / concurrency);
    }
}
