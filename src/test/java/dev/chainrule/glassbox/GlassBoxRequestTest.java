package dev.chainrule.glassbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.fault.NotFoundException;
import dev.chainrule.support.ApiClient;
import dev.chainrule.web.WebSlice;

/**
 * The glass-box endpoints at the controller, the services mocked: how bodies are read and handed
 * on, and how refusals come back. What a step and a check compute is {@link StepApiTest}'s and
 * {@link GradientCheckApiTest}'s part.
 */
@WebMvcTest(GlassBoxController.class)
@WebSlice
class GlassBoxRequestTest {

    private static final UUID MODEL = UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    GradientCheckService checks;
    @MockitoBean
    StepService steps;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
    }

    @Test
    void aStepBodyReachesTheServiceAsSentWithRawInlineRows() {
        UUID job = UUID.randomUUID();
        http.post("/api/v1/models/" + MODEL + "/step", """
                {"jobId": "%s", "epoch": 3, "instances": [[5.1, "3.5"], {"a": 1}], "targets": ["setosa", 2],
                 "optimizer": {"type": "sgd", "learningRate": 0.5}, "dtype": "float64"}""".formatted(job));

        ArgumentCaptor<StepRequest> request = ArgumentCaptor.forClass(StepRequest.class);
        verify(steps).step(any(), eq(MODEL), request.capture());
        assertThat(request.getValue().jobId()).isEqualTo(job);
        assertThat(request.getValue().epoch()).isEqualTo(3);
        assertThat(request.getValue().instances()).hasSize(2);
        assertThat(request.getValue().targets()).containsExactly("setosa", 2);
        assertThat(request.getValue().dtype()).isEqualTo("float64");
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        http.post("/api/v1/models/" + MODEL + "/step", "{\"rows\": \"many\"}").expectProblem(400)
                .expectJson("$.errors[0].pointer", "/rows");
        http.post("/api/v1/models/" + MODEL + "/step", "{\"instances\": {}}").expectProblem(400)
                .expectJson("$.errors[0].pointer", "/instances");
        http.post("/api/v1/models/" + MODEL + "/gradient-check", "{\"datasetId\": \"not-a-uuid\"}").expectProblem(400)
                .expectJson("$.errors[0].pointer", "/datasetId");
        http.post("/api/v1/models/" + MODEL + "/step", "{\"rows\": ").expectProblem(400);
        verifyNoInteractions(steps, checks);
    }

    @Test
    void aMalformedModelIdIs400AndAnUnknownOne404() {
        http.post("/api/v1/models/not-a-uuid/step", "{}").expectProblem(400);
        when(checks.check(any(), eq(MODEL), any())).thenThrow(new NotFoundException("Model", MODEL));
        http.post("/api/v1/models/" + MODEL + "/gradient-check", "{\"datasetId\": \"" + UUID.randomUUID() + "\"}")
                .expectProblem(404).expectJson("$.detail", org.hamcrest.Matchers.containsString(MODEL.toString()));
    }

    @Test
    void aRefusalOfTheServiceIsA422WithItsPointer() {
        when(steps.step(any(), eq(MODEL), any())).thenThrow(ModelInputs.invalid("/targets/0", "Target 'x' is not a class."));
        http.post("/api/v1/models/" + MODEL + "/step", "{\"instances\": [[1]], \"targets\": [\"x\"]}")
                .expectProblem(422)
                .expectJson("$.errors[0].pointer", "/targets/0")
                .expectJson("$.detail", "Target 'x' is not a class.");
    }

    @Test
    void withoutAKeyTheAnswerIs401() {
        http.withoutKey().post("/api/v1/models/" + MODEL + "/step", "{}").expectProblem(401);
        verifyNoInteractions(steps);
    }
}
