package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every {@link JobQueue} must do, whatever the database: claim order, leases, limits, and
 * each job to exactly one of many runners claiming at once. Rows are written with plain SQL, as
 * another instance of the service would have left them.
 */
abstract class JobQueueContract {

    // Whole milliseconds: both databases store microseconds, and the order must not hinge on rounding.
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));
    private static final Duration LEASE = Duration.ofSeconds(20);

    abstract JobQueue queue();

    abstract JdbcTemplate jdbc();

    @BeforeEach
    void emptyQueue() {
        jdbc().update("DELETE FROM job");
    }

    private UUID job(JobStatus status, int priority, Instant createdAt, Instant heartbeatAt) {
        UUID id = UUID.randomUUID();
        jdbc().update("INSERT INTO job (id, model_id, dataset_id, status, options, epochs, epoch, step, progress, "
                        + "cancel_requested, owner, heartbeat_at, created_at, priority) "
                        + "VALUES (?, ?, ?, ?, '{}', 5, 0, 0, 0, FALSE, ?, ?, ?, ?)",
                id, UUID.randomUUID(), UUID.randomUUID(), status.name(), heartbeatAt == null ? null : "someone",
                heartbeatAt == null ? null : heartbeatAt.atOffset(ZoneOffset.UTC), createdAt.atOffset(ZoneOffset.UTC),
                priority);
        return id;
    }

    private UUID queuedBy(UUID tenant, int priority, int minute) {
        UUID id = queued(priority, minute);
        jdbc().update("UPDATE job SET tenant_id = ? WHERE id = ?", tenant, id);
        return id;
    }

    private UUID queued(int priority, int minute) {
        return job(JobStatus.QUEUED, priority, T0.plus(Duration.ofMinutes(minute)), null);
    }

    private List<UUID> claim(String owner, int limit) {
        Instant now = Instant.now();
        return queue().claim(owner, now, now.minus(LEASE), limit);
    }

    private String column(UUID id, String column) {
        return jdbc().queryForObject("SELECT " + column + " FROM job WHERE id = ?", String.class, id);
    }

    @Test
    void tenantsTakeTurnsWithinAPriority() {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        List<UUID> busyJobs = new ArrayList<>();
        for (int minute = 0; minute < 100; minute++) {
            busyJobs.add(queuedBy(busy, 0, minute));
        }
        UUID lone = queuedBy(quiet, 0, 150);
        UUID urgent = queuedBy(busy, 1, 200);

        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.addAll(claim("runner", 1));
        }

        // Priority first; then the tenant with nothing running before the one that runs the urgent job.
        assertThat(order).containsExactly(urgent, lone, busyJobs.get(0), busyJobs.get(1));
    }

    @Test
    void aTenantWithNothingRunningGoesBeforeABusierOneOfThePriority() {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        UUID first = queuedBy(busy, 0, 0);
        UUID second = queuedBy(busy, 0, 1);
        UUID third = queuedBy(busy, 0, 2);
        UUID lone = queuedBy(quiet, 0, 3);

        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.addAll(claim("runner", 1));
        }

        assertThat(order).containsExactly(first, lone, second, third);
    }

    @Test
    void higherPriorityIsClaimedFirstThenTheOldest() {
        UUID oldLow = queued(-1, 0);
        UUID normal = queued(0, 1);
        UUID urgentNewer = queued(5, 3);
        UUID urgentOlder = queued(5, 2);
        UUID normalNewer = queued(0, 4);

        List<UUID> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            order.addAll(claim("runner", 1));
        }

        assertThat(order).containsExactly(urgentOlder, urgentNewer, normal, normalNewer, oldLow);
        assertThat(claim("runner", 1)).isEmpty();
    }

    @Test
    void aClaimTakesAtMostTheLimitAndMarksThemRunningWithTheOwner() {
        for (int i = 0; i < 5; i++) {
            queued(0, i);
        }

        List<UUID> claimed = claim("runner-a", 3);

        assertThat(claimed).hasSize(3).doesNotHaveDuplicates();
        for (UUID id : claimed) {
            assertThat(column(id, "status")).isEqualTo("RUNNING");
            assertThat(column(id, "owner")).isEqualTo("runner-a");
            assertThat(column(id, "started_at")).isNotNull();
            assertThat(column(id, "heartbeat_at")).isNotNull();
        }
        assertThat(jdbc().queryForObject("SELECT count(*) FROM job WHERE status = 'QUEUED'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aRunningJobIsTakenOverOnlyOnceItsHeartbeatIsOlderThanTheLease() {
        Instant now = Instant.now();
        UUID alive = job(JobStatus.RUNNING, 0, T0, now.minusSeconds(1));
        UUID abandoned = job(JobStatus.RUNNING, 0, T0.plusSeconds(1), now.minus(LEASE).minusSeconds(5));
        UUID waiting = queued(9, 10);

        List<UUID> claimed = claim("runner-b", 1);

        assertThat(claimed).as("an abandoned job comes before any queued one").containsExactly(abandoned);
        assertThat(column(abandoned, "owner")).isEqualTo("runner-b");
        assertThat(claim("runner-b", 5)).containsExactly(waiting);
        assertThat(column(alive, "owner")).isEqualTo("someone");
    }

    @Test
    void finishedJobsAreNeverClaimed() {
        job(JobStatus.SUCCEEDED, 9, T0, null);
        job(JobStatus.FAILED, 9, T0, null);
        job(JobStatus.CANCELLED, 9, T0, null);

        assertThat(claim("runner", 10)).isEmpty();
    }

    @Test
    void manyRunnersClaimingAtOnceTakeEachJobExactlyOnce() throws Exception {
        int jobs = 120;
        for (int i = 0; i < jobs; i++) {
            queued(i % 3, i);
        }
        int runners = 8;
        ExecutorService threads = Executors.newFixedThreadPool(runners);
        List<Callable<List<UUID>>> loops = new ArrayList<>();
        for (int r = 0; r < runners; r++) {
            String owner = "runner-" + r;
            loops.add(() -> {
                List<UUID> mine = new ArrayList<>();
                for (List<UUID> batch = claim(owner, 2); !batch.isEmpty(); batch = claim(owner, 2)) {
                    mine.addAll(batch);
                }
                return mine;
            });
        }
        List<UUID> all = new ArrayList<>();
        Set<String> owners = new HashSet<>();
        try {
            for (Future<List<UUID>> result : threads.invokeAll(loops)) {
                all.addAll(result.get());
            }
        } finally {
            threads.shutdown();
        }
        for (UUID id : all) {
            owners.add(column(id, "owner"));
        }

        assertThat(all).hasSize(jobs).doesNotHaveDuplicates();
        assertThat(owners).allMatch(owner -> owner.startsWith("runner-"));
        assertThat(jdbc().queryForObject("SELECT count(*) FROM job WHERE status = 'RUNNING'", Integer.class))
                .isEqualTo(jobs);
    }
}
