package dev.chainrule.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An event stream over the Servlet API's non-blocking output: text is queued, and written only
 * while the connection takes it ({@code isReady}); the container calls back when it can take more.
 * No thread waits on a client, and one that lets {@code maxQueuedBytes} pile up is cut off.
 */
public final class ServletEventSink implements WriteListener, AsyncListener {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final long maxQueuedBytes;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final List<Runnable> onClose = new ArrayList<>();
    private long queuedBytes;
    private boolean flushNeeded;
    private boolean ending;
    private boolean closed;

    private ServletEventSink(AsyncContext async, ServletOutputStream out, long maxQueuedBytes) {
        this.async = async;
        this.out = out;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Answers the request with {@code text/event-stream} and keeps it open, without a timeout. */
    public static ServletEventSink start(HttpServletRequest request, HttpServletResponse response, long maxQueuedBytes) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        // Tells nginx-style proxies not to buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        try {
            ServletEventSink sink = new ServletEventSink(async, response.getOutputStream(), maxQueuedBytes);
            async.addListener(sink);
            sink.out.setWriteListener(sink);
            return sink;
        } catch (IOException e) {
            async.complete();
            throw new IllegalStateException("The response cannot be written", e);
        }
    }

    /** @return false when the stream is closed, now or before (too much was queued, or the client left) */
    public synchronized boolean send(String text) {
        if (closed || ending) {
            return false;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (queuedBytes + bytes.length > maxQueuedBytes) {
            close();
            return false;
        }
        queue.add(bytes);
        queuedBytes += bytes.length;
        drain();
        return !closed;
    }

    /** Ends the stream once everything queued has been written. */
    public synchronized void endAfterSent() {
        ending = true;
        drain();
    }

    public synchronized boolean isOpen() {
        return !closed;
    }

    /** Runs {@code action} once, when the stream closes for whatever reason. */
    public synchronized void onClose(Runnable action) {
        if (closed) {
            action.run();
        } else {
            onClose.add(action);
        }
    }

    @Override
    public synchronized void onWritePossible() {
        drain();
    }

    /** Writes while the connection takes it; {@code isReady} false means the container calls back. */
    private void drain() {
        if (closed) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = queue.poll();
                if (next != null) {
                    queuedBytes -= next.length;
                    out.write(next);
                    flushNeeded = true;
                } else if (flushNeeded) {
                    flushNeeded = false;
                    out.flush();
                } else {
                    if (ending) {
                        close();
                    }
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }

    /** Ends the stream now, dropping what is queued. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        queuedBytes = 0;
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // The container ended the request first (the client went away): nothing left to end.
        }
        onClose.forEach(Runnable::run);
        onClose.clear();
    }

    @Override
    public void onError(Throwable t) {
        close();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted: one stream per request.
    }
}
