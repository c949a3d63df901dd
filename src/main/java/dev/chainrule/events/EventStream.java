package dev.chainrule.events;

import java.util.UUID;

/** One open stream: the job it follows, how far it has got, and where its text goes. Used by the poller thread only. */
final class EventStream {

    private final UUID jobId;
    private final EventSink sink;
    private EventCursor cursor;
    private long lastSentNanos;

    EventStream(UUID jobId, EventCursor cursor, EventSink sink, long nowNanos) {
        this.jobId = jobId;
        this.cursor = cursor;
        this.sink = sink;
        this.lastSentNanos = nowNanos;
    }

    UUID jobId() {
        return jobId;
    }

    EventCursor cursor() {
        return cursor;
    }

    EventSink sink() {
        return sink;
    }

    /** Sends the step's events and moves the cursor; false when the client was dropped. */
    boolean send(EventSequence.Step step, long nowNanos) {
        for (JobEvent event : step.events()) {
            if (!sink.send(event.toSse())) {
                return false;
            }
            lastSentNanos = nowNanos;
        }
        cursor = step.cursor();
        if (step.finished()) {
            sink.endAfterSent();
        }
        return true;
    }

    /** A comment line when the stream has been silent for {@code keepAliveNanos}, so proxies keep it open. */
    boolean keepAlive(long nowNanos, long keepAliveNanos) {
        if (nowNanos - lastSentNanos < keepAliveNanos) {
            return true;
        }
        lastSentNanos = nowNanos;
        return sink.send(": keep-alive\n\n");
    }
}
