package dev.chainrule.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chainrule.datasets.chunk-rows=7")
@ActiveProfiles("test")
class DatasetUploadTest {

    @LocalServerPort
    int port;

    DatasetHttp http;

    @BeforeEach
    void client() {
        http = new DatasetHttp(port);
    }

    @Test
    void multipartUploadOfIrisInfersClassificationWithStatistics() throws Exception {
        byte[] iris = Files.readAllBytes(Path.of("examples/datasets/iris.csv"));

        DatasetHttp.Reply reply = http.postMultipart("iris.csv", iris, Map.of());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode dataset = reply.json();
        assertThat(reply.location()).isEqualTo("/api/v1/datasets/" + dataset.get("id").asString());
        assertThat(dataset.get("name").asString()).isEqualTo("iris");
        assertThat(dataset.get("rows").asInt()).isEqualTo(150);
        assertThat(dataset.get("task").asString()).isEqualTo("classification");
        assertThat(dataset.get("target").asString()).isEqualTo("label");
        assertThat(dataset.get("classes").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
        JsonNode sepalLength = dataset.get("columns").get(0);
        assertThat(sepalLength.get("name").asString()).isEqualTo("sepal_length_cm");
        assertThat(sepalLength.get("type").asString()).isEqualTo("numeric");
        assertThat(sepalLength.get("role").asString()).isEqualTo("feature");
        assertThat(sepalLength.get("min").asDouble()).isEqualTo(4.3, within(1e-6));
        assertThat(sepalLength.get("max").asDouble()).isEqualTo(7.9, within(1e-6));
        assertThat(sepalLength.get("mean").asDouble()).isEqualTo(5.843333, within(1e-5));
        assertThat(sepalLength.get("std").asDouble()).isEqualTo(0.825301, within(1e-5));
        assertThat(sepalLength.get("missing").asInt()).isZero();
        assertThat(dataset.get("columns").get(4).get("role").asString()).isEqualTo("target");
        assertThat(dataset.get("columns").get(4).get("categories").toString())
                .isEqualTo("[{\"value\":\"0\",\"count\":50},{\"value\":\"1\",\"count\":50},{\"value\":\"2\",\"count\":50}]");
    }
}
