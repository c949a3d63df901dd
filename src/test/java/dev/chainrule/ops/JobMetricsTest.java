package dev.chainrule.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class JobMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void epochsAreCountedTimedAndTheirThroughputRecorded() {
        JobMetrics metrics = new JobMetrics(registry);
        metrics.epochFinished(Duration.ofMillis(200), 5000.0);
        metrics.epochFinished(Duration.ofMillis(400), 3000.0);

        assertThat(registry.get("chainrule.epochs.trained").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("chainrule.epoch.duration").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(600.0);
        assertThat(registry.get("chainrule.epoch.samples").summary().mean()).isEqualTo(4000.0);
    }

    @Test
    void aThroughputThatIsNotANumberIsNotRecorded() {
        JobMetrics metrics = new JobMetrics(registry);
        metrics.epochFinished(Duration.ZERO, Double.NaN);
        assertThat(registry.get("chainrule.epochs.trained").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("chainrule.epoch.samples").summary().count()).isZero();
    }

    @Test
    void finishedJobsAreCountedByState() {
        JobMetrics metrics = new JobMetrics(registry);
        metrics.jobFinished("succeeded");
        metrics.jobFinished("SUCCEEDED");
        metrics.jobFinished("failed");
        assertThat(registry.get("chainrule.jobs.finished").tag("state", "succeeded").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("chainrule.jobs.finished").tag("state", "failed").counter().count()).isEqualTo(1.0);
    }

    @Test
    void jobsByStateComeFromOneQueryPerScrape() {
        AtomicInteger queries = new AtomicInteger();
        JobStateCounts counts = () -> {
            queries.incrementAndGet();
            return Map.of("queued", 3L, "RUNNING", 1L);
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("counts", counts));
        new JobStateGauges(beans.getBeanProvider(JobStateCounts.class)).bindTo(registry);

        assertThat(registry.get("chainrule.jobs").tag("state", "queued").gauge().value()).isEqualTo(3.0);
        assertThat(registry.get("chainrule.jobs").tag("state", "running").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("chainrule.jobs").tag("state", "failed").gauge().value()).isZero();
        assertThat(queries).hasValue(1);
    }

    @Test
    void noJobGaugesWithoutAJobStore() {
        new JobStateGauges(new StaticListableBeanFactory().getBeanProvider(JobStateCounts.class)).bindTo(registry);
        assertThat(registry.find("chainrule.jobs").gauges()).isEmpty();
    }

    @Test
    void aFailingQueryGivesNoValueInsteadOfAnError() {
        JobStateCounts counts = () -> {
            throw new IllegalStateException("database down");
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("counts", counts));
        new JobStateGauges(beans.getBeanProvider(JobStateCounts.class)).bindTo(registry);
        assertThat(registry.get("chainrule.jobs").tag("state", "queued").gauge().value()).isNaN();
    }
}
