package dev.chainrule.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauge {@code chainrule.jobs{state=…}}: how many jobs are in each state, read from the database.
 * States carry the API's names (queued, running, ...).
 */
@Component
class JobStateGauges implements MeterBinder {

    static final List<String> STATES = List.of("queued", "running", "succeeded", "failed", "cancelled");
    // One scrape reads every state's gauge: answer them all from one query.
    private static final long SNAPSHOT_NANOS = 1_000_000_000L;

    private final ObjectProvider<JobStateCounts> counts;
    private Map<String, Long> snapshot = Map.of();
    private long snapshotAt;
    private boolean fresh;

    JobStateGauges(ObjectProvider<JobStateCounts> counts) {
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (counts.getIfAvailable() == null) {
            return;
        }
        for (String state : STATES) {
            Gauge.builder("chainrule.jobs", this, gauges -> gauges.count(state))
                    .tag("state", state)
                    .description("Jobs in this state")
                    .register(registry);
        }
    }

    synchronized double count(String state) {
        long now = System.nanoTime();
        if (!fresh || now - snapshotAt > SNAPSHOT_NANOS) {
            try {
                snapshot = new HashMap<>();
                counts.getObject().countByState().forEach((name, count) -> snapshot.merge(name.toLowerCase(Locale.ROOT),
                        count, Long::sum));
            } catch (RuntimeException e) {
                // The database is down: health says so; the gauge reports "no value".
                fresh = false;
                return Double.NaN;
            }
            snapshotAt = now;
            fresh = true;
        }
        return snapshot.getOrDefault(state, 0L);
    }
}
