package dev.chainrule.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.chainrule.fault.NotFoundException;
import dev.chainrule.fault.UnavailableException;
import dev.chainrule.job.JobFeed;

/**
 * The streams open on this instance, at most {@code maxStreams}. Opening one only checks and
 * registers it; the {@link EventPoller} sends it everything, the replay included.
 */
@Component
public class EventStreams {

    private final JobFeed feed;
    private final EventsProperties properties;
    private final AtomicInteger open = new AtomicInteger();
    private final Queue<EventStream> arrivals = new ConcurrentLinkedQueue<>();

    EventStreams(JobFeed feed, EventsProperties properties) {
        this.feed = feed;
        this.properties = properties;
    }

    /**
     * Opens a stream of the job's events after {@code lastEventId} (null: from the start). The sink
     * is created only once the job is known to exist, the id is valid and there is room.
     */
    public void open(UUID tenant, UUID jobId, String lastEventId, Supplier<EventSink> sinks) {
        EventCursor cursor = EventCursor.after(lastEventId);
        if (!feed.belongsTo(jobId, tenant)) {
            throw new NotFoundException("Job", jobId);
        }
        if (open.incrementAndGet() > properties.maxStreams()) {
            open.decrementAndGet();
            throw new UnavailableException("too-many-streams", "Too many event streams",
                    "This instance already serves " + properties.maxStreams() + " event streams; try again later.",
                    properties.retryAfter());
        }
        EventSink sink;
        try {
            sink = sinks.get();
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
        sink.onClose(open::decrementAndGet);
        sink.send("retry: 2000\n\n");
        arrivals.add(new EventStream(jobId, cursor, sink, System.nanoTime()));
    }

    /** Streams opened since the last call: the poller adopts them. */
    List<EventStream> takeArrivals() {
        List<EventStream> taken = new ArrayList<>();
        for (EventStream s = arrivals.poll(); s != null; s = arrivals.poll()) {
            taken.add(s);
        }
        return taken;
    }

    /** Streams open now, as the cap counts them. */
    public int openStreams() {
        return open.get();
    }
}
