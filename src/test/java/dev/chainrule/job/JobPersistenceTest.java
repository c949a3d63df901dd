package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.nn.train.EpochMetrics;
import dev.chainrule.nn.train.LayerTelemetry;
import dev.chainrule.nn.train.Metric;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.ops.JobMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The job table as a queue, and what the recorder writes, against the real schema. */
@DataJpaTest
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ JobRecorder.class, JobPersistenceTest.Config.class })
class JobPersistenceTest {

    @TestConfiguration
    static class Config {
        @Bean
        JobsProperties jobsProperties() {
            return new JobsProperties(2);
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        JobMetrics jobMetrics(SimpleMeterRegistry registry) {
            return new JobMetrics(registry);
        }
    }

    @Autowired
    JobRepository jobs;
    @Autowired
    JobArtifactRepository artifacts;
    @Autowired
    EpochRecordRepository epochs;
    @Autowired
    StoredCheckpointRepository checkpoints;
    @Autowired
    LayerTelemetryRepository telemetry;
    @Autowired
    JobRecorder recorder;
    @Autowired
    SimpleMeterRegistry meters;
    @Autowired
    PlatformTransactionManager transactions;

    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(1));

    private UUID queuedJob() {
        Job job = new Job(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "{}", 10, Instant.now(), 0)
                .ownedBy(UUID.randomUUID());
        jobs.save(job);
        artifacts.save(new JobArtifact(job.id(), new byte[] { 1 }));
        return job.id();
    }

    private UUID runningJob(String owner) {
        UUID id = queuedJob();
        assertThat(jobs.claim(id, owner, Instant.now(), LONG_AGO)).isEqualTo(1);
        return id;
    }

    private static EpochMetrics epoch(int epoch, double valLoss) {
        return new EpochMetrics(epoch, 1.0 / epoch, valLoss, 0.5, 0.5, null, null, 0.01, 7, 1000);
    }

    private static List<LayerTelemetry> layers(double gradientNorm) {
        return List.of(new LayerTelemetry(0, "dense", 2.0, gradientNorm, 0.1, 1e-3, 0.01, 0.2, 0.3, 0.25, null),
                new LayerTelemetry(2, "dense", 1.5, gradientNorm / 2, 0.05, 2e-3, 0.1, 0.33, 0.1, 0, 0.125));
    }

    private static TrainerCheckpoint snapshot(int epoch, int batch) {
        return new TrainerCheckpoint(epoch, batch, new byte[] { (byte) epoch, (byte) batch });
    }

    @Test
    void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
        UUID id = queuedJob();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String owner = "instance-" + i;
            claims.add(() -> jobs.claim(id, owner, Instant.now(), LONG_AGO));
        }
        int won = 0;
        for (Future<Integer> result : threads.invokeAll(claims)) {
            won += result.get();
        }
        threads.shutdown();

        assertThat(won).isEqualTo(1);
        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.owner()).startsWith("instance-");
        assertThat(job.startedAt()).isNotNull();
    }

    @Test
    void aRunningJobIsReclaimedOnlyAfterItsHeartbeatLapsed() {
        UUID id = runningJob("a");

        assertThat(jobs.claim(id, "b", Instant.now(), Instant.now().minusSeconds(60))).isZero();
        assertThat(jobs.findAbandoned(Instant.now().plusSeconds(1), org.springframework.data.domain.Pageable.unpaged()))
                .contains(id);
        assertThat(jobs.claim(id, "b", Instant.now(), Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(jobs.findById(id).orElseThrow().owner()).isEqualTo("b");
    }

    @Test
    void metricsCountOnlyEpochsWhoseTransactionCommitted() {
        UUID id = runningJob("a");
        double before = meters.counter("chainrule.epochs.trained").count();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            recorder.recordEpoch(id, "a", epoch(1, 0.9), List.of(), 5, 0.1, null, new byte[] { 1 }, Metric.VAL_LOSS);
            tx.setRollbackOnly();
        });
        assertThat(meters.counter("chainrule.epochs.trained").count()).isEqualTo(before);
        assertThat(epochs.findByJobIdOrderByEpoch(id)).isEmpty();

        recorder.recordEpoch(id, "a", epoch(1, 0.9), List.of(), 5, 0.1, null, new byte[] { 1 }, Metric.VAL_LOSS);
        assertThat(meters.counter("chainrule.epochs.trained").count()).isEqualTo(before + 1);
    }

    @Test
    void anEpochRecordedTwiceKeepsOneHistoryRowAndOneCheckpoint() {
        UUID id = runningJob("a");

        assertThat(recorder.recordEpoch(id, "a", epoch(1, 0.9), List.of(), 5, 0.1, snapshot(1, 0), new byte[] { 1 }, Metric.VAL_LOSS)).isTrue();
        assertThat(recorder.recordEpoch(id, "a", epoch(1, 0.9), List.of(), 5, 0.1, snapshot(1, 0), new byte[] { 1 }, Metric.VAL_LOSS)).isTrue();

        assertThat(epochs.findByJobIdOrderByEpoch(id)).extracting(EpochRecord::epoch).containsExactly(1);
        assertThat(checkpoints.findByJobIdOrderByEpoch(id)).hasSize(1);
        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.epoch()).isEqualTo(1);
        assertThat(job.metrics().valLoss()).isEqualTo(0.9);
        assertThat(artifacts.findById(id).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void keepsTheNewestCheckpointsAndTheBest() {
        UUID id = runningJob("a");
        double[] valLosses = { 0.5, 0.1, 0.3, 0.4, 0.6 };
        for (int e = 1; e <= valLosses.length; e++) {
            recorder.recordEpoch(id, "a", epoch(e, valLosses[e - 1]), List.of(), e * 10L, e / 5.0, snapshot(e, 0), new byte[] { (byte) e },
                    Metric.VAL_LOSS);
        }

        List<StoredCheckpoint> kept = checkpoints.findByJobIdOrderByEpoch(id);
        assertThat(kept).extracting(StoredCheckpoint::epoch).containsExactly(2, 4, 5);
        assertThat(kept).filteredOn(StoredCheckpoint::best).extracting(StoredCheckpoint::epoch).containsExactly(2);
        assertThat(epochs.findByJobIdOrderByEpoch(id)).extracting(EpochRecord::epoch).containsExactly(1, 2, 3, 4, 5);

        recorder.recordEpoch(id, "a", epoch(6, 0.05), List.of(), 60, 1, snapshot(6, 0), new byte[] { 6 }, Metric.VAL_LOSS);

        kept = checkpoints.findByJobIdOrderByEpoch(id);
        assertThat(kept).extracting(StoredCheckpoint::epoch).containsExactly(5, 6);
        assertThat(kept).filteredOn(StoredCheckpoint::best).extracting(StoredCheckpoint::epoch).containsExactly(6);
    }

    @Test
    void telemetryRowsCommitWithTheirHistoryRowAndAReplayedEpochKeepsTheFirst() {
        UUID id = runningJob("a");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            recorder.recordEpoch(id, "a", epoch(1, 0.9), layers(7), 5, 0.1, null, new byte[] { 1 }, Metric.VAL_LOSS);
            tx.setRollbackOnly();
        });
        assertThat(telemetry.find(id, 1, null)).isEmpty();

        recorder.recordEpoch(id, "a", epoch(1, 0.9), layers(3), 5, 0.1, null, new byte[] { 1 }, Metric.VAL_LOSS);
        recorder.recordEpoch(id, "a", epoch(1, 0.9), layers(4), 5, 0.1, null, new byte[] { 1 }, Metric.VAL_LOSS);
        recorder.recordEpoch(id, "a", epoch(2, 0.8), layers(5), 9, 0.2, null, new byte[] { 1 }, Metric.VAL_LOSS);

        assertThat(telemetry.find(id, 1, null)).extracting(LayerTelemetryRecord::toView)
                .extracting(v -> v.epoch() + ":" + v.layer() + ":" + v.gradientNorm())
                .containsExactly("1:0:3.0", "1:2:1.5", "2:0:5.0", "2:2:2.5");
        assertThat(telemetry.find(id, 2, 2)).extracting(LayerTelemetryRecord::toView).containsExactly(
                new dev.chainrule.diagnosis.LayerTelemetryView(2, 2, "dense", 1.5, 2.5, 0.05, 2e-3, 0.1, 0.33, 0.1, 0,
                        0.125));
    }

    @Test
    void anInstanceThatLostTheJobWritesNothing() {
        UUID id = runningJob("a");
        jobs.claim(id, "b", Instant.now(), Instant.now().plusSeconds(1));

        assertThat(recorder.recordEpoch(id, "a", epoch(1, 0.5), layers(1), 1, 0.1, snapshot(1, 0), new byte[] { 1 }, Metric.VAL_LOSS)).isFalse();
        assertThat(recorder.finish(id, "a", JobStatus.SUCCEEDED, null, new byte[] { 2 })).isFalse();

        assertThat(epochs.findByJobIdOrderByEpoch(id)).isEmpty();
        assertThat(telemetry.find(id, 1, null)).isEmpty();
        assertThat(checkpoints.findByJobIdOrderByEpoch(id)).isEmpty();
        assertThat(jobs.findById(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void suspendingStoresTheMidEpochSnapshotAndRequeues() {
        UUID id = runningJob("a");
        recorder.recordEpoch(id, "a", epoch(1, 0.5), List.of(), 4, 0.1, snapshot(1, 0), new byte[] { 1 }, Metric.VAL_LOSS);

        assertThat(recorder.suspend(id, "a", snapshot(1, 3))).isTrue();

        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.owner()).isNull();
        StoredCheckpoint newest = checkpoints.findFirstByJobIdOrderByEpochDescBatchDesc(id).orElseThrow();
        assertThat(newest.toTrainerCheckpoint().epochsCompleted()).isEqualTo(1);
        assertThat(newest.toTrainerCheckpoint().batchesIntoEpoch()).isEqualTo(3);
        assertThat(newest.toTrainerCheckpoint().payload()).containsExactly(1, 3);
        assertThat(newest.metrics()).isNull();
    }

    @Test
    void finishingStoresTheFinalParametersAndFreesTheJob() {
        UUID id = runningJob("a");

        assertThat(recorder.finish(id, "a", JobStatus.SUCCEEDED, null, new byte[] { 7 })).isTrue();

        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.finishedAt()).isNotNull();
        assertThat(job.owner()).isNull();
        assertThat(artifacts.findById(id).orElseThrow().parameters()).containsExactly(7);
    }

    @Test
    void aQueuedOrRunningJobIsCancelledAtOnceAndAFinishedOneIsNot() {
        UUID queued = queuedJob();
        UUID running = runningJob("a");
        UUID finished = runningJob("a");
        recorder.finish(finished, "a", JobStatus.SUCCEEDED, null, new byte[] { 1 });

        assertThat(jobs.cancel(queued, Instant.now())).isEqualTo(1);
        assertThat(jobs.cancel(running, Instant.now())).isEqualTo(1);
        assertThat(jobs.cancel(finished, Instant.now())).isZero();

        for (UUID id : List.of(queued, running)) {
            Job job = jobs.findById(id).orElseThrow();
            assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(job.finishedAt()).isNotNull();
            assertThat(job.cancelRequested()).isTrue();
            assertThat(job.owner()).isNull();
        }
        assertThat(jobs.findById(finished).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void theRunnerOfACancelledJobLearnsItFromItsHeartbeatAndWritesNothingMore() {
        UUID id = runningJob("a");
        assertThat(jobs.heartbeat(id, "a", Instant.now(), 3, 0.1)).isEqualTo(1);

        jobs.cancel(id, Instant.now());

        assertThat(jobs.heartbeat(id, "a", Instant.now(), 4, 0.2)).isZero();
        assertThat(recorder.recordEpoch(id, "a", epoch(1, 0.5), List.of(), 4, 0.2, snapshot(1, 0), new byte[] { 1 },
                Metric.VAL_LOSS)).isFalse();
        assertThat(recorder.finish(id, "a", JobStatus.SUCCEEDED, null, new byte[] { 2 })).isFalse();
        assertThat(recorder.suspend(id, "a", snapshot(1, 2))).isFalse();
        assertThat(epochs.findByJobIdOrderByEpoch(id)).isEmpty();
        assertThat(checkpoints.findByJobIdOrderByEpoch(id)).isEmpty();
        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.step()).isEqualTo(3);
    }
}
