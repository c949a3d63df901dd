package dev.chainrule.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class RunnerHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    private Health healthOf(RunnerHeartbeat heartbeat) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (heartbeat != null) {
            beans.addBean("heartbeat", heartbeat);
        }
        beans.addBean("clock", clock);
        return new RunnerHealthIndicator(beans.getBeanProvider(RunnerHeartbeat.class),
                new OpsProperties(Duration.ofSeconds(30)), beans.getBeanProvider(Clock.class)).health();
    }

    private static RunnerHeartbeat polledAt(Instant lastPoll) {
        return new RunnerHeartbeat() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Instant lastPoll() {
                return lastPoll;
            }
        };
    }

    @Test
    void upWhileTheRunnerPollsWithinTheThreshold() {
        Health health = healthOf(polledAt(NOW.minusSeconds(29)));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("sinceLastPollMs", 29_000L);
    }

    @Test
    void downWhenTheLastPollIsOlderThanTheThreshold() {
        Health health = healthOf(polledAt(NOW.minusSeconds(31)));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("lastPoll", NOW.minusSeconds(31).toString())
                .containsEntry("staleAfterMs", 30_000L);
    }

    @Test
    void aRunnerThatNeverPolledIsGivenTheThresholdFromStartupThenDown() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("heartbeat", polledAt(null));
        beans.addBean("clock", clock);
        RunnerHealthIndicator indicator = new RunnerHealthIndicator(beans.getBeanProvider(RunnerHeartbeat.class),
                new OpsProperties(Duration.ofSeconds(30)), beans.getBeanProvider(Clock.class));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(31));
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("lastPoll", "never");
    }

    @Test
    void aDisabledRunnerIsUp() {
        RunnerHeartbeat disabled = new RunnerHeartbeat() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public Instant lastPoll() {
                return null;
            }
        };
        Health health = healthOf(disabled);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("enabled", false);
    }

    @Test
    void unknownWithoutARunner() {
        assertThat(healthOf(null).getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aThresholdMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OpsProperties(Duration.ZERO))
                .withMessageContaining("chainrule.ops.runner-stale-after");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
