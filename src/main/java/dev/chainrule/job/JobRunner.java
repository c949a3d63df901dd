package dev.chainrule.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.chainrule.nn.Nd4jThreads;
import dev.chainrule.nn.train.Trainer;
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
    private final Trainer trainer = new Trainer();
    private final Map<UUID, JobExecution> active = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService pool;
    private volatile boolean running;
    private volatile Instant lastPoll;
    private volatile int threadsPerJob = 1;

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
        threadsPerJob = properties.threadsPerJob(Runtime.getRuntime().availableProcessors());
        long report = properties.progressInterval().toMillis();
        scheduler.scheduleWithFixedDelay(guard(this::reportProgress), report, report, TimeUnit.MILLISECONDS);
        log.info("Job runner {} started: {} concurrent job(s), {} thread(s) each", properties.instanceId(),
                properties.concurrency(), threadsPerJob);
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        scheduler.shutdownNow();
        active.values().forEach(JobExecution::shutDown);
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

    /**
     * Stops a cancelled job at its next batch if it trains on this instance; elsewhere its owner
     * learns of the cancel from its next heartbeat.
     */
    void stopCancelled(UUID jobId) {
        JobExecution execution = active.get(jobId);
        if (execution != null) {
            execution.cancel();
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
        JobExecution execution = new JobExecution(jobId, properties.instanceId(), preparer, trainer, recorder);
        active.put(jobId, execution);
        try (var ignored = JobLogContext.forJob(jobId)) {
            log.info("Job {} claimed by {}", jobId, properties.instanceId());
        }
        pool.execute(() -> {
            try (var ignored = JobLogContext.forJob(jobId)) {
                Nd4jThreads.pin(threadsPerJob);
                execution.run();
            } finally {
                active.remove(jobId);
                if (running) {
                    pollNow();
                }
            }
        });
    }

    private void heartbeat() {
        Instant now = Instant.now();
        for (JobExecution execution : new ArrayList<>(active.values())) {
            try (var ignored = JobLogContext.forJob(execution.jobId())) {
                heartbeat(execution, now);
            }
        }
    }

    /**
     * One small update per job that has moved since the last one, from this scheduler thread: the
     * training thread only sets two volatile fields per batch, and never waits for the write.
     */
    private void reportProgress() {
        for (JobExecution execution : new ArrayList<>(active.values())) {
            long step = execution.step();
            if (step > execution.reportedStep()) {
                jobs.reportProgress(execution.jobId(), properties.instanceId(), step, execution.progress());
                execution.reported(step);
            }
        }
    }

    /** One query: it proves this instance still runs the job, and a cancel makes it match no row. */
    private void heartbeat(JobExecution execution, Instant now) {
        if (jobs.heartbeat(execution.jobId(), properties.instanceId(), now, execution.step(), execution.progress()) == 0
                && active.containsKey(execution.jobId())) {
            log.info("Job {} is no longer running under {} (cancelled, or taken over); stopping it here",
                    execution.jobId(), properties.instanceId());
            execution.markLost();
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
