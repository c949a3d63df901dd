package dev.chainrule.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.ops.RunnerHeartbeat;

/** An API instance serves everything and trains nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chainrule.role=api")
@ActiveProfiles("test")
class ApiRoleTest {

    @LocalServerPort
    int port;
    @Autowired
    RunnerHeartbeat runner;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiAnswersAndTheRunnerIsOff() throws Exception {
        assertThat(get("/api/v1/jobs").statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(runner.enabled()).isFalse();
        assertThat(runner.lastPoll()).as("the runner never polled").isNull();
        assertThat(get("/actuator/health").body())
                .containsPattern("\"runner\":\\{\"details\":\\{\"enabled\":false},\"status\":\"UP\"");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
