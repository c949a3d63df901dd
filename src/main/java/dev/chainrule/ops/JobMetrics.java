package dev.chainrule.ops;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Training metrics, exported at {@code /actuator/prometheus} as {@code chainrule_epochs_trained_total},
 * {@code chainrule_epoch_duration_seconds_*}, {@code chainrule_epoch_samples_per_second_*} and
 * {@code chainrule_jobs_finished_total{state}}, and the queue's {@code chainrule_job_claims_seconds_*{outcome}}
 * and {@code chainrule_jobs_claimed_total}. The job runner reports to it.
 */
@Component
public class JobMetrics {

    private final MeterRegistry registry;
    private final Counter epochsTrained;
    private final Timer epochDuration;
    private final DistributionSummary samplesPerSecond;
    private final Counter jobsClaimed;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.epochsTrained = Counter.builder("chainrule.epochs.trained")
                .description("Training epochs finished, over all jobs")
                .register(registry);
        this.epochDuration = Timer.builder("chainrule.epoch.duration")
                .description("Wall-clock time of one training epoch")
                .register(registry);
        this.samplesPerSecond = DistributionSummary.builder("chainrule.epoch.samples")
                .baseUnit("per_second")
                .description("Training throughput of one epoch, in samples per second")
                .register(registry);
        this.jobsClaimed = Counter.builder("chainrule.jobs.claimed")
                .description("Jobs this instance claimed from the queue (new ones and taken-over ones)")
                .register(registry);
    }

    /** One poll of the queue took {@code duration} and claimed {@code claimed} jobs (often none). */
    public void claimPolled(Duration duration, int claimed) {
        Timer.builder("chainrule.job.claims")
                .description("Time of one claim statement against the job queue, by whether it found work")
                .tag("outcome", claimed > 0 ? "claimed" : "empty")
                .register(registry)
                .record(duration);
        jobsClaimed.increment(claimed);
    }

    public void epochFinished(Duration duration, double samplesPerSecond) {
        epochsTrained.increment();
        epochDuration.record(duration);
        if (Double.isFinite(samplesPerSecond) && samplesPerSecond >= 0) {
            this.samplesPerSecond.record(samplesPerSecond);
        }
    }

    /** A job reached a final state (succeeded, failed, cancelled: the API's names). */
    public void jobFinished(String state) {
        registry.counter("chainrule.jobs.finished", "state", state.toLowerCase(Locale.ROOT)).increment();
    }
}
