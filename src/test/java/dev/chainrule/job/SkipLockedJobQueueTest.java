package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.chainrule.support.MigratedPostgres;

/** The queue on PostgreSQL: one {@code FOR UPDATE SKIP LOCKED} statement per claim. */
class SkipLockedJobQueueTest extends JobQueueContract {

    private static MigratedPostgres postgres;

    @BeforeAll
    static void database() {
        postgres = MigratedPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

    @Override
    JobQueue queue() {
        return new SkipLockedJobQueue(new NamedParameterJdbcTemplate(postgres.dataSource()));
    }

    @Override
    JdbcTemplate jdbc() {
        return new JdbcTemplate(postgres.dataSource());
    }

    @Test
    void aJobAnotherTransactionHoldsIsSkippedNotWaitedFor() throws Exception {
        jdbc().update("INSERT INTO job (id, model_id, dataset_id, status, options, epochs, epoch, step, progress, "
                + "cancel_requested, created_at, priority) SELECT gen_random_uuid(), gen_random_uuid(), "
                + "gen_random_uuid(), 'QUEUED', '{}', 5, 0, 0, 0, FALSE, now() - make_interval(secs => n), 0 "
                + "FROM generate_series(1, 2) AS n");
        UUID first = jdbc().queryForObject("SELECT id FROM job ORDER BY created_at LIMIT 1", UUID.class);
        try (Connection other = postgres.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT id FROM job WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, first);
                lock.executeQuery().close();
            }
            Instant now = Instant.now();
            // A plain FOR UPDATE would block here until the other transaction ends.
            List<UUID> claimed = CompletableFuture.supplyAsync(() -> queue().claim("runner", now,
                    now.minus(Duration.ofSeconds(20)), 1)).get(10, TimeUnit.SECONDS);

            assertThat(claimed).hasSize(1).doesNotContain(first);
            other.rollback();
        }
        assertThat(queue().claim("runner", Instant.now(), Instant.now().minusSeconds(20), 1)).containsExactly(first);
    }
}
