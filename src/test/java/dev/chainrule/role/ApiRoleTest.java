package dev.chainrule.role;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.ops.RunnerHeartbeat;
import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;

/** An API instance serves everything and trains nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chainrule.role=api")
@ActiveProfiles("test")
class ApiRoleTest {

    @LocalServerPort
    int port;
    @Autowired
    RunnerHeartbeat runner;

    private Reply get(String path) {
        return ApiClient.atPort(port).get(path);
    }

    @Test
    void theApiAnswersAndTheRunnerIsOff() throws Exception {
        assertThat(get("/api/v1/jobs").status()).isEqualTo(200);
        assertThat(get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(runner.enabled()).isFalse();
        assertThat(runner.lastPoll()).as("the runner never polled").isNull();
        assertThat(get("/actuator/health").body())
                .containsPattern("\"runner\":\\{\"details\":\\{\"enabled\":false},\"status\":\"UP\"");
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
