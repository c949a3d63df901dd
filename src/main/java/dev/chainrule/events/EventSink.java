package dev.chainrule.events;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Where one stream's text goes. {@link #send} never blocks: it queues and writes what the client
 * takes now, and refuses (closing the sink) when the client lets too much pile up.
 */
public interface EventSink {

    /** @return false when the sink is closed, now or before, so the stream must be dropped */
    boolean send(String text);

    /** Ends the stream once everything queued has been written. */
    void endAfterSent();

    /** Ends the stream now, dropping what is queued. */
    void close();

    boolean isOpen();

    /** Runs {@code action} once, when the sink closes for whatever reason. */
    void onClose(Runnable action);

    /** A sink made of a transport's own methods, so that the transport need not know this interface. */
    static EventSink of(Predicate<String> send, Runnable endAfterSent, Runnable close, BooleanSupplier isOpen,
            Consumer<Runnable> onClose) {
        return new EventSink() {
            @Override
            public boolean send(String text) {
                return send.test(text);
            }

            @Override
            public void endAfterSent() {
                endAfterSent.run();
            }

            @Override
            public void close() {
                close.run();
            }

            @Override
            public boolean isOpen() {
                return isOpen.getAsBoolean();
            }

            @Override
            public void onClose(Runnable action) {
                onClose.accept(action);
            }
        };
    }
}
