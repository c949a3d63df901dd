package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Faults that Spring MVC itself detects are problems too, with a stable type and no internals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FrameworkProblemsTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"" + type + "\"").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unsupportedContentTypeIs415() throws Exception {
        assertProblem(send("POST", "/api/v1/models", "application/xml", "<model/>"), 415,
                "/problems/unsupported-media-type");
    }

    @Test
    void wrongMethodIs405() throws Exception {
        assertProblem(send("DELETE", "/api/v1/models", null, null), 405, "/problems/method-not-allowed");
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertProblem(send("GET", "/api/v1/nothing-here", null, null), 404, "/problems/not-found");
    }

    @Test
    void malformedJsonIs400WithAPointer() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/models", "application/json", "{\"name\": ");
        assertProblem(response, 400, "/problems/unreadable-body");
        assertThat(response.body()).contains("\"pointer\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/datasets", "/api/v1/models", "/api/v1/jobs" })
    void everyListRefusesTheSamePagingFaultsNamingTheParameter(String list) throws Exception {
        for (String query : List.of("page=-1", "size=0", "size=101")) {
            HttpResponse<String> response = send("GET", list + "?" + query, null, null);
            assertProblem(response, 400, "/problems/invalid-parameter");
            String parameter = query.substring(0, query.indexOf('='));
            assertThat(response.body()).contains("\"field\":\"" + parameter + "\"");
        }
        assertThat(send("GET", list + "?page=0&size=100", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void rowWindowsAreCheckedBeforeTheResourceIsLookedUp() throws Exception {
        String rows = "/api/v1/datasets/" + UUID.randomUUID() + "/rows";
        String scores = "/api/v1/jobs/" + UUID.randomUUID() + "/predictions?datasetId=" + UUID.randomUUID() + "&";
        assertThat(send("GET", rows + "?offset=-1", null, null).body()).contains("\"field\":\"offset\"");
        assertThat(send("GET", rows + "?limit=1001", null, null).body()).contains("\"field\":\"limit\"");
        assertThat(send("GET", scores + "limit=0", null, null).body()).contains("\"field\":\"limit\"");
        assertThat(send("GET", rows, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badIdInThePathIs400NamingTheParameter() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/jobs/not-a-uuid", null, null);
        assertProblem(response, 400, "/problems/invalid-parameter");
        assertThat(response.body()).contains("not-a-uuid");
    }
}
