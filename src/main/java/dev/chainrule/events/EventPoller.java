package dev.chainrule.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.chainrule.job.CheckpointView;
import dev.chainrule.job.FeedEpoch;
import dev.chainrule.job.JobFeed;
import dev.chainrule.job.JobFeedState;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one thread that feeds every event stream on this instance. Each poll reads each followed job
 * once from the database (its row, then the epochs and checkpoints its slowest stream still
 * needs) and hands every stream of that job what it has not had yet. Sinks never block, so a slow
 * client cannot hold up the poll, let alone training; it is dropped instead.
 */
@Component
class EventPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventPoller.class);

    private final JobFeed feed;
    private final EventStreams streams;
    private final EventsProperties properties;
    private final JsonMapper json;
    private final Map<UUID, List<EventStream>> byJob = new HashMap<>();
    private ScheduledExecutorService thread;

    EventPoller(JobFeed feed, EventStreams streams, EventsProperties properties, JsonMapper json) {
        this.feed = feed;
        this.streams = streams;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-events");
            t.setDaemon(true);
            return t;
        });
        long interval = properties.pollInterval().toMillis();
        thread.scheduleWithFixedDelay(this::pollGuarded, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
        byJob.values().forEach(list -> list.forEach(s -> s.sink().close()));
        byJob.clear();
        streams.takeArrivals().forEach(s -> s.sink().close());
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    /** A failing poll (the database briefly away, say) must not end the schedule; {@link #stop} waits for a poll under way. */
    private void pollGuarded() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Polling job events failed; trying again at the next poll", e);
        }
    }

    synchronized void poll() {
        long now = System.nanoTime();
        for (EventStream arrival : streams.takeArrivals()) {
            byJob.computeIfAbsent(arrival.jobId(), id -> new ArrayList<>()).add(arrival);
        }
        long keepAlive = properties.keepAlive().toNanos();
        for (Iterator<Map.Entry<UUID, List<EventStream>>> jobs = byJob.entrySet().iterator(); jobs.hasNext(); ) {
            Map.Entry<UUID, List<EventStream>> entry = jobs.next();
            List<EventStream> list = entry.getValue();
            list.removeIf(s -> !s.sink().isOpen());
            if (!list.isEmpty()) {
                feed(entry.getKey(), list, now);
                list.removeIf(s -> !s.sink().isOpen() || !s.keepAlive(now, keepAlive));
            }
            if (list.isEmpty()) {
                jobs.remove();
            }
        }
    }

    private void feed(UUID jobId, List<EventStream> list, long now) {
        Optional<JobFeedState> job = feed.snapshot(jobId);
        if (job.isEmpty()) {
            list.forEach(s -> s.sink().close());
            list.clear();
            return;
        }
        JobTick tick = read(jobId, job.get(), list);
        EventSequence sequence = new EventSequence(json::writeValueAsString);
        for (Iterator<EventStream> it = list.iterator(); it.hasNext(); ) {
            EventStream stream = it.next();
            EventSequence.Step step = sequence.next(tick, stream.cursor());
            if (!stream.send(step, now)) {
                stream.sink().close();
                it.remove();
            } else if (step.finished()) {
                it.remove();
            }
        }
    }

    /** One read for all of a job's streams, from the slowest one's cursor. */
    private JobTick read(UUID jobId, JobFeedState job, List<EventStream> list) {
        int fromEpoch = list.stream().mapToInt(s -> s.cursor().epochs()).min().orElseThrow();
        List<FeedEpoch> epochs = feed.epochsAfter(jobId, fromEpoch, properties.replayBatch());
        int through = list.stream().mapToInt(s -> s.cursor().epochs()).max().orElseThrow();
        if (!epochs.isEmpty()) {
            through = Math.max(through, epochs.get(epochs.size() - 1).history().epoch());
        }
        int fromCheckpoint = list.stream().mapToInt(s -> s.cursor().checkpoints()).min().orElseThrow();
        List<CheckpointView> checkpoints = fromCheckpoint < through
                ? feed.checkpointsBetween(jobId, fromCheckpoint, through) : List.of();
        return new JobTick(job, epochs, epochs.size() == properties.replayBatch(), checkpoints);
    }
}
