package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The threads a job trains on follow the machine unless configured. */
class RunnerThreadsTest {

    private static RunnerProperties properties(int concurrency, int threads) {
        return new RunnerProperties(true, concurrency, threads, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(300),
                Duration.ofSeconds(20), Duration.ofSeconds(30), "test");
    }

    @Test
    void byDefaultTheCoresAreSharedAmongTheConcurrentJobs() {
        assertThat(properties(1, 0).threadsPerJob(2)).isEqualTo(2);
        assertThat(properties(2, 0).threadsPerJob(2)).isEqualTo(1);
        assertThat(properties(3, 0).threadsPerJob(2)).isEqualTo(1);
    }

    @Test
    void fromFourCoresUpOneIsLeftForHttp() {
        assertThat(properties(1, 0).threadsPerJob(4)).isEqualTo(3);
        assertThat(properties(2, 0).threadsPerJob(16)).isEqualTo(7);
    }

    @Test
    void aConfiguredCountIsKept() {
        assertThat(properties(4, 3).threadsPerJob(2)).isEqualTo(3);
    }
}
