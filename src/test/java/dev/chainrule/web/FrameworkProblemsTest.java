package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;

/** Faults that Spring MVC itself detects are problems too, with a stable type and no internals. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FrameworkProblemsTest {

    @Autowired
    MockMvc mvc;

    private Reply send(String method, String path, String contentType, String body) {
        ApiClient.Request request = ApiClient.of(mvc).request(HttpMethod.valueOf(method), path);
        if (body != null) {
            request.body(contentType, body);
        }
        return request.send();
    }

    private static void assertProblem(Reply response, int status, String type) {
        response.expectProblem(status);
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
        Reply response = send("POST", "/api/v1/models", "application/json", "{\"name\": ");
        assertProblem(response, 400, "/problems/unreadable-body");
        assertThat(response.body()).contains("\"pointer\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/datasets", "/api/v1/models", "/api/v1/jobs" })
    void everyListRefusesTheSamePagingFaultsNamingTheParameter(String list) throws Exception {
        for (String query : List.of("page=-1", "size=0", "size=101")) {
            Reply response = send("GET", list + "?" + query, null, null);
            assertProblem(response, 400, "/problems/invalid-parameter");
            String parameter = query.substring(0, query.indexOf('='));
            assertThat(response.body()).contains("\"field\":\"" + parameter + "\"");
        }
        assertThat(send("GET", list + "?page=0&size=100", null, null).status()).isEqualTo(200);
    }

    @Test
    void rowWindowsAreCheckedBeforeTheResourceIsLookedUp() throws Exception {
        String rows = "/api/v1/datasets/" + UUID.randomUUID() + "/rows";
        String scores = "/api/v1/jobs/" + UUID.randomUUID() + "/predictions?datasetId=" + UUID.randomUUID() + "&";
        assertThat(send("GET", rows + "?offset=-1", null, null).body()).contains("\"field\":\"offset\"");
        assertThat(send("GET", rows + "?limit=1001", null, null).body()).contains("\"field\":\"limit\"");
        assertThat(send("GET", scores + "limit=0", null, null).body()).contains("\"field\":\"limit\"");
        assertThat(send("GET", rows, null, null).status()).isEqualTo(404);
    }

    @Test
    void badIdInThePathIs400NamingTheParameter() throws Exception {
        Reply response = send("GET", "/api/v1/jobs/not-a-uuid", null, null);
        assertProblem(response, 400, "/problems/invalid-parameter");
        assertThat(response.body()).contains("not-a-uuid");
    }
}
