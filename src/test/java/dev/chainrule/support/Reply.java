package dev.chainrule.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hamcrest.Matcher;
import org.hamcrest.MatcherAssert;
import org.springframework.http.HttpHeaders;
import org.springframework.test.util.JsonPathExpectationsHelper;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One answer of {@link ApiClient}: status, headers and body, with the readings tests need. */
public record Reply(int status, HttpHeaders headers, byte[] bytes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The body as JSON; a missing node when the body is empty. */
    public JsonNode json() {
        return bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
    }

    /** The {@code Content-Type} header, or the empty string. */
    public String contentType() {
        String type = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        return type == null ? "" : type;
    }

    /** The {@code Location} header, or null. */
    public String location() {
        return headers.getFirst(HttpHeaders.LOCATION);
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    /** The pointers of a problem's {@code errors}, in order, separated by spaces. */
    public String pointers() {
        List<String> pointers = new ArrayList<>();
        json().path("errors").forEach(e -> pointers.add(e.path("pointer").asString("")));
        return String.join(" ", pointers);
    }

    /** Asserts the status, showing the body when it differs, and answers this reply. */
    public Reply expect(int expected) {
        assertThat(status).as("answered %d: %s", status, body()).isEqualTo(expected);
        return this;
    }

    /** Asserts an RFC 9457 problem with this status. */
    public Reply expectProblem(int expected) {
        expect(expected);
        assertThat(contentType()).as(body()).startsWith("application/problem+json");
        return this;
    }

    /** Asserts the JSON value at {@code path}, with the same number handling as MockMvc's {@code jsonPath}. */
    public Reply expectJson(String path, Object expected) {
        new JsonPathExpectationsHelper(path).assertValue(body(), expected);
        return this;
    }

    public Reply expectJson(String path, Matcher<?> matcher) {
        new JsonPathExpectationsHelper(path).assertValue(body(), matcher);
        return this;
    }

    public Reply expectNoJson(String path) {
        new JsonPathExpectationsHelper(path).doesNotExist(body());
        return this;
    }

    public Reply expectContentType(String expected) {
        assertThat(contentType()).as(body()).isEqualTo(expected);
        return this;
    }

    public Reply expectHeader(String name, Matcher<? super String> matcher) {
        MatcherAssert.assertThat(name, header(name), matcher);
        return this;
    }

    /** The body of a successful answer as JSON. */
    public JsonNode ok() {
        assertThat(status / 100).as("answered %d: %s", status, body()).isEqualTo(2);
        return json();
    }
}
