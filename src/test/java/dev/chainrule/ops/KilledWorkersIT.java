package dev.chainrule.ops;

import static dev.chainrule.support.Prometheus.JOBS_SUCCEEDED;
import static dev.chainrule.support.Prometheus.sum;
import static dev.chainrule.support.Training.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import dev.chainrule.support.JobTable;
import dev.chainrule.support.PostgresServer;
import dev.chainrule.support.ServiceGroup;
import dev.chainrule.support.ServiceProcess;
import dev.chainrule.support.TestDatabase;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;

/**
 * Proof under faults. One API process and three worker processes (the packaged jar, roles
 * {@code api} and {@code worker}) share one PostgreSQL database and train {@value #DEFAULT_JOBS}
 * short jobs of two tenants (queued alternately), while a worker chosen at random is killed with SIGKILL at random moments and started
 * again under a new instance id, as an orchestrator would. Then:
 * <ul>
 * <li>every job has ended {@code succeeded}, with one history row per epoch, 1 to the last;</li>
 * <li>the workers' {@code chainrule_jobs_finished_total{state="succeeded"}} counters add up to one
 * completion per job: those of the workers alive at the end, plus those of each killed worker read
 * just before its kill (a killed process's counters die with it). Each kill waits until its victim is
 * half-way through a job, so no completion falls between that reading and the kill;</li>
 * <li>each job that was running on a killed worker, and so was taken over, ends with parameters
 * equal, bit for bit, to those of the same request trained without interruption;</li>
 * <li>a cancel sent to the API process stops a job training on a worker within one heartbeat
 * interval (plus {@link #BATCH_AND_SCHEDULING} for the batch in flight and a loaded machine).</li>
 * </ul>
 * Sized for 2 cores; {@code -Dchainrule.faults.jobs}, {@code -Dchainrule.faults.kills} and
 * {@code -Dchainrule.faults.seed} make a longer or different run. The figures it prints are in
 * docs/scaling.md.
 */
class KilledWorkersIT {

    private static final int DEFAULT_JOBS = 60;
    private static final int JOBS = Integer.getInteger("chainrule.faults.jobs", DEFAULT_JOBS);
    private static final int KILLS = Integer.getInteger("chainrule.faults.kills", 2);
    private static final long SEED = Long.getLong("chainrule.faults.seed", 16);
    private static final int WORKERS = 3;
    private static final int EPOCHS = 12;
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration BATCH_AND_SCHEDULING = Duration.ofMillis(500);
    // Generous: on a shared 2-core machine four JVMs starting ND4J at once can take minutes.
    private static final Duration STARTUP = Duration.ofMinutes(8);
    private static final Duration TRAINING = Duration.ofMinutes(6);
    private static final String MODEL = """
            {"name": "digits", "layers": [{"type": "dense", "units": 32, "activation": "relu"},
             {"type": "dense", "units": 10, "activation": "softmax"}], "loss": "cross_entropy", "seed": 5}""";

    // Kept when the test fails: every process's log is there.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    private static String options(int seed) {
        return """
                "epochs": %d, "batchSize": 64, "optimizer": {"type": "sgd", "learningRate": 0.05, "momentum": 0.9},
                "checkpointEvery": 1, "seed": %d""".formatted(EPOCHS, seed);
    }

    @Test
    void everyJobSucceedsExactlyOnceWhileWorkersAreKilled() throws Exception {
        Random random = new Random(SEED);
        Instant begin = Instant.now();
        try (TestDatabase database = PostgresServer.get().createDatabase();
             ServiceGroup group = new ServiceGroup(ServiceGroup.packagedJar(), workDir, database, List.of(
                     "--chainrule.runner.poll-interval=200ms",
                     "--chainrule.runner.heartbeat-interval=" + HEARTBEAT.toMillis() + "ms",
                     // Short, so that a killed worker's job is taken over soon; still four heartbeats.
                     "--chainrule.runner.lease=4s"))) {
            ServiceProcess api = group.start("api", "api");
            List<ServiceProcess> workers = new ArrayList<>();
            for (int i = 1; i <= WORKERS; i++) {
                workers.add(group.start("worker-" + i, "worker"));
            }
            api.awaitHealthy(STARTUP);
            Training training = new Training(api.api());
            String model = training.model(MODEL);
            String dataset = training.uploadExample("digits.csv", "task", "classification");
            // Half the jobs are a second tenant's, queued alternately with the first's.
            Tenant first = new Tenant(training, model, dataset);
            Tenant second = Tenant.newOne(training);
            Map<String, Tenant> owners = new LinkedHashMap<>();
            for (int i = 0; i < JOBS; i++) {
                Tenant owner = i % 2 == 0 ? first : second;
                owners.put(owner.queue(options(i)), owner);
            }
            List<String> jobs = List.copyOf(owners.keySet());
            for (ServiceProcess worker : workers) {
                worker.awaitHealthy(STARTUP);
            }
            Instant started = Instant.now();
            Duration startup = Duration.between(begin, started);

            JobTable table = new JobTable(database);
            long succeededOnKilled = 0;
            List<String> takenOver = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                Thread.sleep(500 + random.nextInt(2500));
                // A random one of the workers that are up (a restarted one may still be starting).
                List<Integer> up = IntStream.range(0, WORKERS).filter(i -> workers.get(i).isHealthy()).boxed().toList();
                int slot = up.get(random.nextInt(up.size()));
                ServiceProcess victim = workers.get(slot);
                JobTable.Running running = awaitHalfWayThroughAJob(table, victim.name());
                succeededOnKilled += sum(JOBS_SUCCEEDED, victim);
                victim.kill();
                takenOver.add(running.job());
                workers.set(slot, group.start("worker-" + (slot + 1) + "-restart-" + kill, "worker"));
            }

            for (String job : jobs) {
                assertSucceededWithGapFreeHistory(owners.get(job).training(), job);
            }
            training.api().get("/api/v1/jobs/" + jobs.get(1)).expectProblem(404);
            Duration trained = Duration.between(started, Instant.now());
            for (ServiceProcess worker : workers) {
                worker.awaitHealthy(STARTUP);
            }
            long succeededOnLive = sum(JOBS_SUCCEEDED, workers.toArray(ServiceProcess[]::new));
            assertThat(succeededOnKilled + succeededOnLive)
                    .as("completions counted by killed workers (%d) and live ones (%d)", succeededOnKilled,
                            succeededOnLive)
                    // A victim can finish the job it runs between its last scrape and its SIGKILL, and
                    // that completion is counted where no scrape can see it: one per kill at most.
                    .isBetween((long) JOBS - KILLS, (long) JOBS);
            assertThat(sum(JOBS_SUCCEEDED, api)).as("the API process trains nothing").isZero();

            for (String job : takenOver) {
                Tenant owner = owners.get(job);
                String uninterrupted = owner.queue(options(jobs.indexOf(job)));
                owner.training().await(uninterrupted, status("succeeded"), TRAINING);
                assertThat(parameters(owner.training(), job)).as("job %s, taken over", job)
                        .isEqualTo(parameters(owner.training(), uninterrupted));
            }

            Duration cancelTook = cancelRunningJob(training, table, workers, model, dataset);
            System.out.printf("%s: %d jobs of %d epochs, %d workers, %d kills (seed %d): processes up in %d s, "
                            + "jobs trained in %d s, completions counted %d on killed workers + %d on live ones, "
                            + "cancel stopped the job on its worker after %d ms (heartbeat %d ms), whole test %d s%n",
                    getClass().getSimpleName(), JOBS, EPOCHS, WORKERS, KILLS, SEED, startup.toSeconds(),
                    trained.toSeconds(), succeededOnKilled, succeededOnLive, cancelTook.toMillis(),
                    HEARTBEAT.toMillis(), Duration.between(begin, Instant.now()).toSeconds());
        }
    }

    /**
     * Waits until {@code owner} trains a job that has recorded at least one epoch (so a takeover
     * resumes from a checkpoint) and at most half of them (so it cannot end before the kill).
     */
    private static JobTable.Running awaitHalfWayThroughAJob(JobTable table, String owner) throws Exception {
        long deadline = System.nanoTime() + TRAINING.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JobTable.Running> running = table.runningOn(owner);
            if (running.isPresent() && running.get().epoch() >= 1 && running.get().epoch() <= EPOCHS / 2) {
                return running.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError(owner + " never trained a job half-way while the test waited to kill it");
    }

    /** A tenant's client with the model and dataset its jobs train. */
    private record Tenant(Training training, String model, String dataset) {

        /** A new tenant, made with the admin key of {@code admin}: a user key, and its own model and dataset. */
        static Tenant newOne(Training admin) {
            String id = admin.api().post("/api/v1/tenants", "{\"name\":\"second\"}").expect(201).json().get("id")
                    .asString();
            String key = admin.api().post("/api/v1/tenants/" + id + "/keys", "{\"name\":\"jobs\",\"role\":\"user\"}")
                    .expect(201).json().get("key").asString();
            Training training = new Training(admin.api().withKey(key));
            return new Tenant(training, training.model(MODEL),
                    training.uploadExample("digits.csv", "task", "classification"));
        }

        String queue(String options) {
            return training.queue(model, dataset, options);
        }
    }

    private static void assertSucceededWithGapFreeHistory(Training training, String job) {
        JsonNode state = training.awaitFinished(job, TRAINING);
        assertThat(state.path("status").asString()).as("job %s: %s", job, state).isEqualTo("succeeded");
        List<Integer> epochs = new ArrayList<>();
        training.read("/api/v1/jobs/" + job + "/history").forEach(row -> epochs.add(row.path("epoch").asInt()));
        assertThat(epochs).as("history of job %s", job)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).boxed().toList());
    }

    private static String parameters(Training training, String job) {
        return training.api().get("/api/v1/jobs/" + job + "/parameters").expect(200).body();
    }

    /** Cancels, through the API process, a job that trains on a worker; answers how long the worker took to stop it. */
    private static Duration cancelRunningJob(Training training, JobTable table, List<ServiceProcess> workers,
                                             String model, String dataset) throws Exception {
        String endless = training.queue(model, dataset, "\"epochs\": 100000, \"batchSize\": 64, \"seed\": 1");
        training.await(endless, j -> j.path("epoch").asInt() >= 1, TRAINING);
        String owner = table.owner(endless);
        ServiceProcess worker = workers.stream().filter(w -> w.name().equals(owner)).findFirst()
                .orElseThrow(() -> new AssertionError("job " + endless + " runs on no live worker: " + owner));

        Instant cancelled = Instant.now();
        assertThat(training.api().post("/api/v1/jobs/" + endless + "/cancel", "").expect(200).json()
                .path("status").asString()).isEqualTo("cancelled");

        String stoppedLine = "Job " + endless + " stopped after";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<Instant> stopped = worker.loggedAt(stoppedLine);
        while (stopped.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            stopped = worker.loggedAt(stoppedLine);
        }
        assertThat(stopped).as("%s logged that it stopped job %s", owner, endless).isPresent();
        Duration took = Duration.between(cancelled, stopped.get());
        assertThat(took).as("from the cancel to the worker stopping the job")
                .isLessThanOrEqualTo(HEARTBEAT.plus(BATCH_AND_SCHEDULING));
        return took;
    }
}
