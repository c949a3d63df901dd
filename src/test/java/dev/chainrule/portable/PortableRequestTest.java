package dev.chainrule.portable;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.web.WebSlice;

/**
 * The bundle and ONNX endpoints at the controller, the services mocked: attachments, the body
 * rules of an import, and the problems of a job that cannot be exported. Exporting, importing and
 * running the graph is {@link BundleApiTest}'s and {@link OnnxApiTest}'s part.
 */
@WebMvcTest({ BundleController.class, OnnxController.class })
@WebSlice
class PortableRequestTest {

    private static final UUID JOB = UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ModelBundles bundles;
    @MockitoBean
    OnnxExports onnx;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
    }

    @Test
    void theOnnxGraphIsAnAttachmentOfItsBytes() {
        byte[] graph = {8, 7, 18, 4};
        when(onnx.export(any(), eq(JOB))).thenReturn(new Download<>("iris.onnx", graph));
        Reply reply = http.get("/api/v1/jobs/" + JOB + "/model.onnx").expect(200)
                .expectHeader("Content-Disposition", containsString("attachment"))
                .expectHeader("Content-Disposition", containsString("iris.onnx"));
        assertThat(reply.contentType()).startsWith("application/octet-stream");
        assertThat(reply.bytes()).isEqualTo(graph);
    }

    @Test
    void aJobWithoutParametersIs409AndAnUnknownOne404() {
        when(bundles.export(any(), eq(JOB))).thenThrow(new ConflictException("job-not-trained", "Job not trained",
                "Job " + JOB + " has no trained parameters yet."));
        http.get("/api/v1/jobs/" + JOB + "/export").expectProblem(409)
                .expectJson("$.detail", containsString("no trained parameters"));
        UUID unknown = UUID.randomUUID();
        when(onnx.export(any(), eq(unknown))).thenThrow(new NotFoundException("Job", unknown));
        http.get("/api/v1/jobs/" + unknown + "/model.onnx").expectProblem(404);
        http.get("/api/v1/jobs/not-a-uuid/export").expectProblem(400);
    }

    @Test
    void anImportThatIsNotABundleOfTheRightTypesIs400NamingTheField() {
        http.post("/api/v1/models/import", "{\"format\": ").expectProblem(400);
        http.post("/api/v1/models/import", "{\"formatVersion\": \"one\"}").expectProblem(400)
                .expectJson("$.errors[0].pointer", "/formatVersion");
        http.post("/api/v1/models/import", "[]").expectProblem(400);
        verifyNoInteractions(bundles);
    }
}
