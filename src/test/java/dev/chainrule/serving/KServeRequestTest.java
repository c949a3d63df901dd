package dev.chainrule.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.fault.NotFoundException;
import dev.chainrule.serving.KServeTypes.InferenceRequest;
import dev.chainrule.support.ApiClient;
import dev.chainrule.web.WebSlice;

/**
 * The KServe v2 endpoints at the controller, the models mocked: the routes with and without a
 * version, and every refusal in the protocol's own {@code {"error": ...}} form rather than a
 * problem document. Inference for real is {@link KServeApiTest}'s part.
 */
@WebMvcTest(KServeController.class)
@WebSlice
class KServeRequestTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    KServeModels models;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
    }

    @Test
    void anInferenceRequestReachesTheModelWithItsNameAndVersion() {
        http.post("/v2/models/iris/versions/3/infer", """
                {"id": "r1", "inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [1.5]}]}""");
        ArgumentCaptor<InferenceRequest> request = ArgumentCaptor.forClass(InferenceRequest.class);
        verify(models).infer(any(), eq("iris"), eq("3"), request.capture());
        assertThat(request.getValue().id()).isEqualTo("r1");
        assertThat(request.getValue().inputs()).hasSize(1);
        http.get("/v2/models/iris/ready");
        verify(models).ready(any(), eq("iris"), isNull());
        http.get("/v2/health/live").expect(200).expectJson("$.live", true);
    }

    @Test
    void refusalsAreInTheProtocolsErrorForm() {
        when(models.metadata(any(), eq("nope"), isNull())).thenThrow(KServeException.notFound("No published model 'nope'."));
        http.get("/v2/models/nope").expect(404).expectContentType("application/json")
                .expectJson("$.error", "No published model 'nope'.");
        UUID job = UUID.randomUUID();
        when(models.infer(any(), eq("gone"), isNull(), any())).thenThrow(new NotFoundException("Job", job));
        http.post("/v2/models/gone/infer", "{\"inputs\": []}").expect(404)
                .expectJson("$.error", containsString(job.toString()));
        http.post("/v2/models/iris/infer", "{\"inputs\": {}}").expect(400)
                .expectJson("$.error", containsString("/inputs"));
        // The protocol knows 400 and 404 only, so another content type is a 400 too.
        http.request(HttpMethod.POST, "/v2/models/iris/infer").body("text/plain", "x").send().expect(400)
                .expectJson("$.error", containsString("application/json"));
    }

    @Test
    void anUnknownPathUnderV2Is404InTheErrorForm() {
        http.get("/v2/models/iris/explain/now").expect(404)
                .expectJson("$.error", containsString("No KServe v2 endpoint GET /v2/models/iris/explain/now"));
        verifyNoInteractions(models);
    }
}
