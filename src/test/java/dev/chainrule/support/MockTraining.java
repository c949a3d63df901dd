package dev.chainrule.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

/** The calls that get a trained job through MockMvc: upload, define, queue, wait. */
public final class MockTraining {

    private final MockMvc mvc;

    public MockTraining(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Uploads {@code examples/datasets/<file>}; {@code fields} are form fields, name and value in turn. */
    public String uploadExample(String file, String... fields) throws Exception {
        return upload(file, Files.readAllBytes(Path.of("examples", "datasets", file)), fields);
    }

    public String upload(String name, byte[] csv, String... fields) throws Exception {
        var request = multipart("/api/v1/datasets").file(new MockMultipartFile("file", name, "text/csv", csv));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return idOf(mvc.perform(request).andReturn().getResponse(), 201);
    }

    public String upload(String name, String csv, String... fields) throws Exception {
        return upload(name, csv.getBytes(StandardCharsets.UTF_8), fields);
    }

    public String model(String json) throws Exception {
        return idOf(postJson("/api/v1/models", json), 201);
    }

    /** Queues a job and waits until it has succeeded. */
    public String trainedJob(String modelId, String datasetId, String options) throws Exception {
        String job = idOf(postJson("/api/v1/jobs", "{\"modelId\": \"" + modelId + "\", \"datasetId\": \"" + datasetId
                + "\"" + (options.isEmpty() ? "" : ", " + options) + "}"), 202);
        awaitStatus(job, "succeeded");
        return job;
    }

    public String queuedJob(String modelId, String datasetId, String options) throws Exception {
        return idOf(postJson("/api/v1/jobs", "{\"modelId\": \"" + modelId + "\", \"datasetId\": \"" + datasetId
                + "\", " + options + "}"), 202);
    }

    public void awaitStatus(String jobId, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        String view = get("/api/v1/jobs/" + jobId);
        while (!JsonPath.read(view, "$.status").equals(expected)) {
            String status = JsonPath.read(view, "$.status");
            assertThat(status).as(view).isIn("queued", "running");
            assertThat(Instant.now()).as("job did not reach %s in time: %s", expected, view).isBefore(deadline);
            Thread.sleep(50);
            view = get("/api/v1/jobs/" + jobId);
        }
    }

    public String get(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                MockMvcRequestBuilders.get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    public MockHttpServletResponse postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
    }

    private static String idOf(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return JsonPath.read(response.getContentAsString(), "$.id");
    }
}
