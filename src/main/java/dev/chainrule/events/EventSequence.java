package dev.chainrule.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.chainrule.job.CheckpointView;
import dev.chainrule.job.FeedEpoch;
import dev.chainrule.job.JobFeedState;
import dev.chainrule.job.JobStatus;

/**
 * Turns what one poll read into the events one stream has not had yet, in the order a client must
 * see them: checkpoints still owed, a status change, the new epochs each followed by its
 * checkpoint, the latest progress, and last the final status, after which the stream ends. A pure
 * function of the tick and the cursor, so a replay and a live stream send the same events.
 */
final class EventSequence {

    private final Function<Object, String> json;
    private final Map<Object, String> encoded = new HashMap<>();

    /** @param json the data's JSON; each payload is encoded once per sequence, however many streams send it */
    EventSequence(Function<Object, String> json) {
        this.json = json;
    }

    /** The events to send and the cursor after them; {@code finished} when the stream is complete. */
    record Step(List<JobEvent> events, EventCursor cursor, boolean finished) {
    }

    Step next(JobTick tick, EventCursor from) {
        JobFeedState job = tick.job();
        List<JobEvent> out = new ArrayList<>();
        EventCursor c = owedCheckpoints(tick, from, from.epochs(), out);
        if (!job.status().isFinished() && job.status() != c.status()) {
            out.add(status(job, c));
            c = c.withStatus(job.status());
        }
        for (FeedEpoch entry : tick.epochs()) {
            int epoch = entry.history().epoch();
            if (epoch > c.epochs()) {
                c = owedCheckpoints(tick, c, epoch - 1, out);
                out.add(new JobEvent("epoch", "epoch-" + epoch, encode(entry, () -> entry)));
                c = c.withEpoch(epoch);
            }
        }
        c = owedCheckpoints(tick, c, c.epochs(), out);
        if (job.status() == JobStatus.RUNNING && !tick.truncated() && job.step() > 0 && job.step() != c.step()
                && job.epoch() >= c.epochs()) {
            out.add(progress(job, c));
            c = c.withStep(job.step());
        }
        boolean finished = job.status().isFinished() && !tick.truncated();
        if (finished && job.status() != c.status()) {
            out.add(status(job, c));
            c = c.withStatus(job.status());
        }
        return new Step(out, c, finished);
    }

    /** Checkpoints in {@code (c.checkpoints, through]}; the cursor then counts all of them as sent. */
    private EventCursor owedCheckpoints(JobTick tick, EventCursor c, int through, List<JobEvent> out) {
        if (through <= c.checkpoints()) {
            return c;
        }
        for (CheckpointView checkpoint : tick.checkpoints()) {
            if (checkpoint.epoch() > c.checkpoints() && checkpoint.epoch() <= through) {
                out.add(new JobEvent("checkpoint", "checkpoint-" + checkpoint.epoch(), encode(checkpoint, () -> checkpoint)));
            }
        }
        return c.withCheckpointsThrough(through);
    }

    private String encode(Object key, Supplier<Object> payload) {
        return encoded.computeIfAbsent(key, k -> json.apply(payload.get()));
    }

    private JobEvent status(JobFeedState job, EventCursor c) {
        String data = encode(List.of("status", job), () -> statusData(job));
        return new JobEvent("status", "status-" + job.status().jsonName() + "-" + c.epochs(), data);
    }

    private JobEvent progress(JobFeedState job, EventCursor c) {
        String data = encode(List.of("progress", job), () -> progressData(job));
        return new JobEvent("progress", "progress-" + c.epochs() + "-" + job.step(), data);
    }

    private static Map<String, Object> statusData(JobFeedState job) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", job.status().jsonName());
        data.put("epoch", job.epoch());
        data.put("epochs", job.epochs());
        data.put("metrics", job.metrics());
        data.put("error", job.error());
        return data;
    }

    private static Map<String, Object> progressData(JobFeedState job) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("epoch", Math.min(job.epoch() + 1, job.epochs()));
        data.put("epochs", job.epochs());
        data.put("step", job.step());
        data.put("progress", job.progress());
        data.put("samplesPerSecond", job.samplesPerSecond());
        return data;
    }
}
