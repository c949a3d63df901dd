package dev.chainrule.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The one HTTP client of the tests, on Spring's {@link RestTestClient}: bound to {@link MockMvc} in
 * controller slices and {@code @SpringBootTest}s, or to a live server (a random port, a packaged
 * jar started as a process). Every call answers a {@link Reply}; nothing is asserted here, so a test
 * can check refusals as plainly as successes.
 *
 * <p>Every request carries {@code Authorization: Bearer <key>}: by default the admin key of the
 * {@code test} profile ({@link #ADMIN_KEY}), or the key a {@link ServiceProcess} wrote into its
 * data directory; {@link #withKey} and {@link #withoutKey} make clients for other callers.
 */
public final class ApiClient {

    /** {@code chainrule.security.admin-key} in {@code application-test.yml}. */
    public static final String ADMIN_KEY = "cr_test-admin-key-0123456789abcdefghijklmnopqrstuv";

    private static final String BOUNDARY = "chainrule-test-boundary";

    private final RestTestClient client;
    private final String base;
    private final MockMvc mvc;
    private final Supplier<String> key;

    private ApiClient(RestTestClient client, String base, MockMvc mvc, Supplier<String> key) {
        this.client = client;
        this.base = base;
        this.mvc = mvc;
        this.key = key;
    }

    /** Requests go through the DispatcherServlet in this JVM, without a server. */
    public static ApiClient of(MockMvc mvc) {
        return new ApiClient(RestTestClient.bindTo(mvc).build(), "http://localhost", mvc, () -> ADMIN_KEY);
    }

    /** The same server, with {@code key} as the bearer key (read when each request is sent). */
    public ApiClient withKey(Supplier<String> otherKey) {
        return new ApiClient(client, base, mvc, otherKey);
    }

    public ApiClient withKey(String otherKey) {
        return withKey(() -> otherKey);
    }

    /** The same server, without an Authorization header. */
    public ApiClient withoutKey() {
        return withKey(() -> null);
    }

    public static ApiClient atPort(int port) {
        return at("http://localhost:" + port);
    }

    /** Requests go over real HTTP to {@code baseUrl}, e.g. a {@link ServiceProcess}. */
    public static ApiClient at(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(60));
        return new ApiClient(RestTestClient.bindToServer(factory).build(), baseUrl, null, () -> ADMIN_KEY);
    }

    public Reply get(String path) {
        return request(HttpMethod.GET, path).send();
    }

    public Reply delete(String path) {
        return request(HttpMethod.DELETE, path).send();
    }

    public Reply post(String path, String json) {
        return request(HttpMethod.POST, path).body("application/json", json).send();
    }

    public Reply postCsv(String path, String csv) {
        return postCsv(path, csv.getBytes(StandardCharsets.UTF_8));
    }

    public Reply postCsv(String path, byte[] csv) {
        return request(HttpMethod.POST, path).body("text/csv", csv).send();
    }

    /** A {@code multipart/form-data} upload: form fields, then the file part unless {@code file} is null. */
    public Reply postMultipart(String path, String filename, byte[] file, Map<String, String> fields) {
        if (mvc != null) {
            return MockMultipart.post(mvc, path, filename, file, fields, key.get());
        }
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
        return request(HttpMethod.POST, path).body("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray())
                .send();
    }

    /** {@code path} with {@code query} appended, its values URL-encoded. */
    public static String withQuery(String path, Map<String, String> query) {
        if (query.isEmpty()) {
            return path;
        }
        StringJoiner joiner = new StringJoiner("&", path + "?", "");
        query.forEach((name, value) -> joiner.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    public Request request(HttpMethod method, String path) {
        return new Request(method, path);
    }

    /** A request with headers or a body of any type. */
    public final class Request {

        private final HttpMethod method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;

        private Request(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request body(String contentType, String text) {
            return body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String contentType, byte[] bytes) {
            headers.put(HttpHeaders.CONTENT_TYPE, contentType);
            this.body = bytes;
            return this;
        }

        /** Sends the body chunked, without a Content-Length: the server learns its size only by reading it. */
        public Request streamedBody(String contentType, byte[] bytes) {
            headers.put(HttpHeaders.CONTENT_TYPE, contentType);
            this.body = new InputStreamResource(new ByteArrayInputStream(bytes));
            return this;
        }

        public Reply send() {
            RestTestClient.RequestBodySpec spec = client.method(method).uri(URI.create(base + path));
            String bearer = key.get();
            if (bearer != null && !headers.containsKey(HttpHeaders.AUTHORIZATION)) {
                spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
            }
            headers.forEach((name, value) -> spec.header(name, value));
            if (body != null) {
                spec.body(body);
            }
            ExchangeResult result = spec.exchange().returnResult();
            byte[] content = result.getResponseBodyContent();
            return new Reply(result.getStatus().value(), result.getResponseHeaders(),
                    content == null ? new byte[0] : content);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
