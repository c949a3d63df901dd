package dev.chainrule.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code runner}: DOWN when the job runner stopped polling. */
@Component
class RunnerHealthIndicator implements HealthIndicator {

    private final ObjectProvider<RunnerHeartbeat> heartbeat;
    private final Duration staleAfter;
    private final Clock clock;
    // Before the first poll the runner is judged from the moment health first looked at it.
    private final Instant watchedSince;

    RunnerHealthIndicator(ObjectProvider<RunnerHeartbeat> heartbeat, OpsProperties properties,
                          ObjectProvider<Clock> clock) {
        this.heartbeat = heartbeat;
        this.staleAfter = properties.runnerStaleAfter();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.watchedSince = this.clock.instant();
    }

    @Override
    public Health health() {
        RunnerHeartbeat runner = heartbeat.getIfAvailable();
        if (runner == null) {
            return Health.unknown().withDetail("reason", "no job runner in this instance").build();
        }
        if (!runner.enabled()) {
            return Health.up().withDetail("enabled", false).build();
        }
        Instant lastPoll = runner.lastPoll();
        Duration age = Duration.between(lastPoll != null ? lastPoll : watchedSince, clock.instant());
        Health.Builder health = age.compareTo(staleAfter) > 0 ? Health.down() : Health.up();
        return health.withDetail("enabled", true)
                .withDetail("lastPoll", lastPoll != null ? lastPoll.toString() : "never")
                .withDetail("sinceLastPollMs", age.toMillis())
                .withDetail("staleAfterMs", staleAfter.toMillis())
                .build();
    }
}
