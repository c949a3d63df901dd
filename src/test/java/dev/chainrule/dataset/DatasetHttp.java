package dev.chainrule.dataset;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the dataset endpoints of a running test server. */
final class DatasetHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOUNDARY = "chainrule-test-boundary";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    DatasetHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Reply(int status, String contentType, String location, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Reply postCsv(byte[] body, Map<String, String> query) {
        return postCsv(body, "text/csv", query);
    }

    Reply postCsv(String body, Map<String, String> query) {
        return postCsv(body.getBytes(StandardCharsets.UTF_8), query);
    }

    Reply postCsv(byte[] body, String contentType, Map<String, String> query) {
        return send(HttpRequest.newBuilder(uri("/api/v1/datasets" + queryString(query)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Sends the body chunked, without a Content-Length, so the server learns its size only by reading it. */
    Reply postCsvChunked(byte[] body) {
        return send(HttpRequest.newBuilder(uri("/api/v1/datasets"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build());
    }

    /** @param file the file part's bytes, or null to leave the part out */
    Reply postMultipart(String filename, byte[] file, Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        if (file != null) {
            write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: text/csv\r\n\r\n");
            body.writeBytes(file);
            write(body, "\r\n");
        }
        write(body, "--" + BOUNDARY + "--\r\n");
        return send(HttpRequest.newBuilder(uri("/api/v1/datasets"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joiner.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
