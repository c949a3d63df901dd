package dev.chainrule.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.chainrule.support.ApiClient;

/** A test client of an event stream: reads it as text, event by event, until it ends or a condition holds. */
final class EventLines implements AutoCloseable {

    /** One event as received: its fields, or a comment. */
    record Received(String id, String name, String data, String comment) {
    }

    private final HttpResponse<java.io.InputStream> response;
    private final BufferedReader reader;
    private final ExecutorService reading = Executors.newSingleThreadExecutor();

    private EventLines(HttpResponse<java.io.InputStream> response) {
        this.response = response;
        this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    static EventLines open(HttpClient client, String url, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ApiClient.ADMIN_KEY).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventLines(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Events (and comments) until the stream ends or {@code stop} accepts one; fails after {@code timeout}. */
    List<Received> readUntil(Predicate<Received> stop, Duration timeout) throws Exception {
        Future<List<Received>> all = reading.submit(() -> {
            List<Received> events = new ArrayList<>();
            for (Received r = next(); r != null; r = next()) {
                events.add(r);
                if (stop.test(r)) {
                    break;
                }
            }
            return events;
        });
        return all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Received> readToEnd(Duration timeout) throws Exception {
        return readUntil(r -> false, timeout);
    }

    private Received next() throws IOException {
        String id = null;
        String name = null;
        String data = null;
        String comment = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (id != null || comment != null) {
                    return new Received(id, name, data, comment);
                }
                continue;
            }
            if (line.startsWith(":")) {
                comment = line.substring(1).strip();
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        reading.shutdownNow();
        response.body().close();
    }
}
