package dev.chainrule.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.chainrule.support.MigratedPostgres;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The SQL of the KEDA trigger, exactly as the ScaledObject states it, run against the service's
 * real schema on PostgreSQL: it counts the jobs that need a worker (queued, and running, also when
 * abandoned) and none of the finished ones.
 */
class KedaQueryTest {

    static Map<String, Object> trigger(GenericKubernetesResource scaledObject) {
        List<Map<String, Object>> triggers = scaledObject.get("spec", "triggers");
        assertThat(triggers).hasSize(1);
        return triggers.get(0);
    }

    @Test
    void theTriggerCountsExactlyTheQueuedAndRunningJobs() {
        @SuppressWarnings("unchecked")
        String query = ((Map<String, String>) trigger(KubernetesManifests.load().custom("ScaledObject"))
                .get("metadata")).get("query");
        Random random = new Random(16);
        try (MigratedPostgres postgres = MigratedPostgres.create()) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            assertThat(jdbc.queryForObject(query, Long.class)).as("an empty queue").isZero();

            int needWorker = 0;
            for (String status : List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED")) {
                int count = 1 + random.nextInt(7);
                for (int i = 0; i < count; i++) {
                    insert(jdbc, status, i % 2 == 0 ? Instant.now() : Instant.now().minusSeconds(3600));
                }
                if (status.equals("QUEUED") || status.equals("RUNNING")) {
                    needWorker += count;
                }
            }

            assertThat(jdbc.queryForObject(query, Long.class)).isEqualTo(needWorker);
        }
    }

    private static void insert(JdbcTemplate jdbc, String status, Instant heartbeat) {
        boolean running = status.equals("RUNNING");
        jdbc.update("INSERT INTO job (id, model_id, dataset_id, status, options, epochs, epoch, step, progress, "
                        + "cancel_requested, owner, heartbeat_at, created_at, priority) "
                        + "VALUES (?, ?, ?, ?, '{}', 5, 0, 0, 0, FALSE, ?, ?, now(), 0)",
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), status, running ? "worker-1" : null,
                running ? heartbeat.atOffset(ZoneOffset.UTC) : null);
    }
}
