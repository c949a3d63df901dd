package dev.chainrule.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.fault.ConflictException;
import dev.chainrule.support.ApiClient;
import dev.chainrule.web.WebSlice;

/**
 * Publishing at the controller, the service mocked: the 201 and its Location, the body rules and
 * the service's refusals as problems. Publishing and serving for real is {@link KServeApiTest}'s part.
 */
@WebMvcTest(PublicationController.class)
@WebSlice
class PublicationRequestTest {

    private static final UUID JOB = UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Publications publications;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
    }

    @Test
    void aPublicationIs201WithItsEndpointAsLocation() {
        when(publications.publish(any(), eq(JOB), eq(new PublishRequest("iris")))).thenReturn(new PublicationView("iris", 2,
                JOB, Instant.parse("2026-12-03T12:00:00Z"), "/v2/models/iris/versions/2"));
        var reply = http.post("/api/v1/jobs/" + JOB + "/publish", "{\"name\": \"iris\"}").expect(201)
                .expectJson("$.version", 2).expectJson("$.endpoint", "/v2/models/iris/versions/2");
        assertThat(reply.location()).endsWith("/v2/models/iris/versions/2");
    }

    @Test
    void theServicesRefusalsAreProblems() {
        when(publications.publish(any(), eq(JOB), any())).thenThrow(new ConflictException("job-not-succeeded",
                "Job not succeeded", "Job " + JOB + " is running; only a succeeded job can be published."));
        http.post("/api/v1/jobs/" + JOB + "/publish", "{\"name\": \"iris\"}").expectProblem(409)
                .expectJson("$.type", org.hamcrest.Matchers.endsWith("/job-not-succeeded"));
    }

    @Test
    void badBodiesAndIdsAre400() {
        http.post("/api/v1/jobs/" + JOB + "/publish", "{\"name\": [\"iris\"]}").expectProblem(400)
                .expectJson("$.errors[0].pointer", "/name");
        http.post("/api/v1/jobs/" + JOB + "/publish", "{\"name\": ").expectProblem(400);
        http.post("/api/v1/jobs/not-a-uuid/publish", "{\"name\": \"iris\"}").expectProblem(400);
        verifyNoInteractions(publications);
    }
}
