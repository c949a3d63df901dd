package dev.chainrule.role;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;

/** A worker trains but serves no API: every path outside /actuator is a 404 problem. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chainrule.role=worker")
@ActiveProfiles("test")
class WorkerRoleTest {

    @LocalServerPort
    int port;

    private Reply send(String method, String path) {
        return ApiClient.atPort(port).request(HttpMethod.valueOf(method), path).body("application/json", "{}").send();
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET /api/v1/jobs", "POST /api/v1/jobs", "GET /api/v1/datasets", "POST /api/v1/models",
            "GET /", "GET /index.html", "GET /v3/api-docs", "GET /swagger-ui/index.html", "POST /v2/models/m/infer",
            "GET /v2/health/ready", "GET /actuatorx", "GET /error" })
    void everyPathOutsideTheActuatorIsA404Problem(String call) throws Exception {
        String[] parts = call.split(" ");
        Reply response = send(parts[0], parts[1]);

        assertThat(response.status()).as(call).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"/problems/not-found\"", "\"status\":404",
                "chainrule.role=worker");
    }

    @Test
    void healthProbesAndMetricsAnswer() throws Exception {
        Reply health = send("GET", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"runner\":\\{\"details\":\\{[^}]*\"enabled\":true");
        assertThat(send("GET", "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/actuator/prometheus").body()).contains("chainrule_job_claims_seconds_count");
    }
}
