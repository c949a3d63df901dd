package dev.chainrule.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.chainrule.nn.Nd4jThreads;
import dev.chainrule.ops.JobLogContext;
import dev.chainrule.ops.RunnerHeartbeat;

/**
 * Trains queued jobs on a fixed pool of {@code chainrule.runner.concurrency} threads. One scheduler
 * thread polls the job table (the queue) and claims work with conditional updates, including jobs
 * whose owner stopped heart-beating, and sends heartbeats for the jobs running here. On shutdown
 * running jobs stop at their next batch, save where they are and go back to the queue.
 */
@Component
class JobRunner implements SmartLifecycle, RunnerHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final RunnerProperties properties;
    private final JobRepository jobs;
    private final JobRecorder recorder;
    private final JobPreparer preparer;
    private final JobQueue queue;
    private final Map<UUID, TrainingRun> active = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<Void>> finished = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService pool;
    private volatile boolean running;
    private volatile Instant lastPoll;

    JobRunner(RunnerProperties properties, JobRepository jobs, JobRecorder recorder, JobPreparer preparer,
            JobQueue queue) {
        this.properties = properties;
        this.jobs = jobs;
        this.recorder = recorder;
        this.preparer = preparer;
        this.queue = queue;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        AtomicInteger workers = new AtomicInteger();
        pool = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread t = new Thread(r, "job-runner-" + workers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-scheduler");
            t.setDaemon(true);
            return t;
        });
        running = true;
        scheduler.scheduleWithFixedDelay(guard(this::poll), 0, properties.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        long beat = properties.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(guard(this::heartbeat), beat, beat, TimeUnit.MILLISECONDS);
        log.info("Job runner {} started: {} concurrent job(s), {} ND4J thread(s) each", properties.instanceId(),
                properties.concurrency(), properties.nd4jThreads());
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        scheduler.shutdownNow();
        active.values().forEach(TrainingRun::shutDown);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(properties.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Jobs {} did not stop within {}; their heartbeats lapse and they resume from their last "
                        + "checkpoint", active.keySet(), properties.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean enabled() {
        return properties.enabled();
    }

    @Override
    public Instant lastPoll() {
        return lastPoll;
    }

    /** Stops the job at its next batch if it runs on this instance. */
    void cancelLocally(UUID jobId) {
        TrainingRun run = active.get(jobId);
        if (run != null) {
            run.cancel();
        }
    }

    /** Waits (bounded) until a job that runs here has ended; returns at once otherwise. */
    void awaitLocal(UUID jobId, Duration timeout) {
        CompletableFuture<Void> done = finished.get(jobId);
        if (done == null) {
            return;
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            log.debug("Job {} still running after {}", jobId, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        int free = properties.concurrency() - active.size();
        if (running && free > 0) {
            Instant now = Instant.now();
            for (UUID id : queue.claim(properties.instanceId(), now, now.minus(properties.lease()), free)) {
                if (running) {
                    launch(id);
                } else {
                    // Claimed while the runner was stopping: hand it back rather than let its lease lapse.
                    jobs.requeue(id, properties.instanceId());
                }
            }
        }
        lastPoll = Instant.now();
    }

    /** A freed slot is filled at once rather than at the next tick: short jobs would wait for it. */
    private void pollNow() {
        try {
            scheduler.execute(guard(this::poll));
        } catch (RejectedExecutionException stopping) {
            log.debug("Not polling: the runner is stopping");
        }
    }

    private void launch(UUID jobId) {
        TrainingRun run = new TrainingRun(jobId, properties.instanceId(), recorder);
        CompletableFuture<Void> done = new CompletableFuture<>();
        active.put(jobId, run);
        finished.put(jobId, done);
        try (var ignored = JobLogContext.forJob(jobId)) {
            log.info("Job {} claimed by {}", jobId, properties.instanceId());
        }
        pool.execute(() -> {
            try (var ignored = JobLogContext.forJob(jobId)) {
                Nd4jThreads.pin(properties.nd4jThreads());
                run.run(preparer);
            } finally {
                active.remove(jobId);
                finished.remove(jobId);
                done.complete(null);
                if (running) {
                    pollNow();
                }
            }
        });
    }

    private void heartbeat() {
        Instant now = Instant.now();
        for (TrainingRun run : new ArrayList<>(active.values())) {
            try (var ignored = JobLogContext.forJob(run.jobId())) {
                heartbeat(run, now);
            }
        }
    }

    private void heartbeat(TrainingRun run, Instant now) {
        if (jobs.heartbeat(run.jobId(), properties.instanceId(), now, run.step(), run.progress()) == 0
                && active.containsKey(run.jobId())) {
            log.warn("Job {} is no longer owned by {}; stopping it here", run.jobId(), properties.instanceId());
            run.markLost();
        } else if (jobs.isCancelRequested(run.jobId())) {
            run.cancel();
        }
    }

    /** A failing poll or heartbeat (say, the database briefly away) must not end the schedule. */
    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Job runner task failed; retrying at the next tick", e);
            }
        };
    }
}
