package dev.chainrule.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A worker trains but serves no API: every path outside /actuator is a 404 problem. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chainrule.role=worker")
@ActiveProfiles("test")
class WorkerRoleTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET /api/v1/jobs", "POST /api/v1/jobs", "GET /api/v1/datasets", "POST /api/v1/models",
            "GET /", "GET /index.html", "GET /v3/api-docs", "GET /swagger-ui/index.html", "POST /v2/models/m/infer",
            "GET /v2/health/ready", "GET /actuatorx", "GET /error" })
    void everyPathOutsideTheActuatorIsA404Problem(String call) throws Exception {
        String[] parts = call.split(" ");
        HttpResponse<String> response = send(parts[0], parts[1]);

        assertThat(response.statusCode()).as(call).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"/problems/not-found\"", "\"status\":404",
                "chainrule.role=worker");
    }

    @Test
    void healthProbesAndMetricsAnswer() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"runner\":\\{\"details\":\\{[^}]*\"enabled\":true");
        assertThat(send("GET", "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/actuator/prometheus").body()).contains("chainrule_job_claims_seconds_count");
    }
}
