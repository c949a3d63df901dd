package dev.chainrule.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import tools.jackson.databind.JsonNode;

/** Every refused upload: the right status, a problem naming the fault, and nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chainrule.datasets.max-upload-size=64KB", "chainrule.datasets.max-categories=5",
                "chainrule.datasets.chunk-rows=7"})
@ActiveProfiles("test")
class DatasetBadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @MockitoSpyBean
    DatasetStore store;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.atPort(port);
    }

    private static final String DATASETS = "/api/v1/datasets";

    private Reply postCsv(String csv, Map<String, String> query) {
        return http.postCsv(ApiClient.withQuery(DATASETS, query), csv);
    }

    private Reply postCsv(byte[] body, Map<String, String> query) {
        return http.postCsv(ApiClient.withQuery(DATASETS, query), body);
    }

    private Reply postCsv(byte[] body, String contentType, Map<String, String> query) {
        return http.request(HttpMethod.POST, ApiClient.withQuery(DATASETS, query)).body(contentType, body).send();
    }

    @AfterEach
    void nothingWasStored() throws Exception {
        try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(leftovers.filter(p -> p.getFileName().toString().startsWith(ColumnSpools.DIRECTORY_PREFIX))).isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from dataset", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from dataset_column", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from dataset_chunk", Long.class)).isZero();
    }

    private static JsonNode problem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static JsonNode firstError(JsonNode problem) {
        return problem.get("errors").get(0);
    }

    @Test
    void emptyFile() {
        JsonNode problem = problem(postCsv("", Map.of()), 422);
        assertThat(problem.get("type").asString()).endsWith("/empty-file");
        problem(http.postMultipart(DATASETS, "empty.csv", new byte[0], Map.of()), 422);
    }

    @Test
    void headerWithoutRows() {
        JsonNode problem = problem(postCsv("a,b,c\r\n", Map.of()), 422);
        assertThat(problem.get("type").asString()).endsWith("/no-rows");
    }

    @Test
    void duplicateColumnNames() {
        JsonNode problem = problem(postCsv("a,b,a\n1,2,3\n", Map.of()), 422);
        assertThat(firstError(problem).get("column").asString()).isEqualTo("a");
        assertThat(problem.get("detail").asString()).contains("columns 1 and 3");
    }

    @Test
    void emptyColumnName() {
        JsonNode problem = problem(postCsv("a,,c\n1,2,3\n", Map.of()), 422);
        assertThat(firstError(problem).get("column").asString()).isEqualTo("2");
    }

    @Test
    void rowWithTooFewFields() {
        JsonNode problem = problem(postCsv("a,b,c\n1,2,3\n4,5\n6,7,8\n", Map.of()), 422);
        assertThat(firstError(problem).get("row").asLong()).isEqualTo(2);
        assertThat(problem.get("detail").asString()).isEqualTo("Row 2 (line 3) has 2 fields but the header has 3.");
    }

    @Test
    void rowWithTooManyFieldsCountsQuotedNewlinesAsOneRow() {
        String csv = "a,b,c\n1,\"two\nlines\",3\n4,5,6,7\n";
        JsonNode problem = problem(postCsv(csv, Map.of()), 422);
        assertThat(firstError(problem).get("row").asLong()).isEqualTo(2);
        assertThat(problem.get("detail").asString()).contains("line 4").contains("4 fields");
    }

    @Test
    void unknownTarget() {
        JsonNode problem = problem(postCsv("a,b\n1,2\n3,4\n", Map.of("target", "price")), 422);
        assertThat(firstError(problem).get("field").asString()).isEqualTo("target");
        assertThat(problem.get("detail").asString()).contains("'price'").contains("[a, b]");
    }

    @Test
    void classificationTargetWithASingleClass() {
        JsonNode problem = problem(postCsv("x,label\n1,yes\n2,yes\n", Map.of()), 422);
        assertThat(problem.get("type").asString()).endsWith("/single-class");
        assertThat(firstError(problem).get("column").asString()).isEqualTo("label");
    }

    @Test
    void missingTargetValueNamesTheRow() {
        JsonNode problem = problem(postCsv("x,label\n1,yes\n2,no\n3,?\n", Map.of()), 422);
        assertThat(firstError(problem).get("row").asLong()).isEqualTo(3);
        assertThat(firstError(problem).get("column").asString()).isEqualTo("label");
    }

    @Test
    void regressionOnATextTarget() {
        JsonNode problem = problem(postCsv("x,y\n1,2.5\n2,high\n", Map.of("task", "regression")), 422);
        assertThat(firstError(problem).get("row").asLong()).isEqualTo(2);
        assertThat(problem.get("detail").asString()).contains("'high'");
    }

    @Test
    void unknownTaskAndDelimiterAreBadParameters() {
        JsonNode task = problem(postCsv("x,y\n1,2\n", Map.of("task", "clustering")), 400);
        assertThat(firstError(task).get("field").asString()).isEqualTo("task");
        JsonNode delimiter = problem(postCsv("x,y\n1,2\n", Map.of("delimiter", "|")), 400);
        assertThat(firstError(delimiter).get("field").asString()).isEqualTo("delimiter");
    }

    @Test
    void bytesThatAreNotText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        JsonNode binary = problem(http.postMultipart(DATASETS, "picture.csv", png, Map.of()), 422);
        assertThat(binary.get("type").asString()).endsWith("/not-text");

        byte[] latin1 = "name,city\nx,M\u00fcnchen\ny,Berlin\n".getBytes(StandardCharsets.ISO_8859_1);
        JsonNode notUtf8 = problem(postCsv(latin1, Map.of()), 422);
        assertThat(notUtf8.get("type").asString()).endsWith("/not-text");
        assertThat(firstError(notUtf8).get("row").asLong()).isEqualTo(1);
        assertThat(firstError(notUtf8).get("column").asString()).isEqualTo("city");
    }

    @Test
    void missingFilePart() {
        JsonNode problem = problem(http.postMultipart(DATASETS, "x.csv", null, Map.of("name", "no file")), 400);
        assertThat(problem.get("detail").asString()).contains("file");
    }

    @Test
    void unsupportedContentType() {
        JsonNode problem = problem(postCsv("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "application/json",
                Map.of()), 415);
        assertThat(problem.get("detail").asString()).contains("application/json");
    }

    @Test
    void rawBodyOverTheLimit() {
        JsonNode problem = problem(postCsv(csvOfSize(100 * 1024), Map.of()), 413);
        assertThat(problem.get("detail").asString()).contains(String.valueOf(64 * 1024));
    }

    @Test
    void chunkedRawBodyOverTheLimitIsStoppedWhileReading() {
        Reply reply = http.request(HttpMethod.POST, DATASETS).streamedBody("text/csv", csvOfSize(100 * 1024)).send();
        JsonNode problem = problem(reply, 413);
        assertThat(problem.get("detail").asString()).contains(String.valueOf(64 * 1024));
    }

    @Test
    void multipartFileOverTheLimit() {
        JsonNode problem = problem(http.postMultipart(DATASETS, "big.csv", csvOfSize(100 * 1024), Map.of()), 413);
        assertThat(problem.get("detail").asString()).containsAnyOf("65536", "64KB");
    }

    @Test
    void categoricalFeatureOverTheCap() {
        String csv = "city,y\nA,1\nB,2\nC,3\nD,4\nE,5\nF,6\n";
        JsonNode problem = problem(postCsv(csv, Map.of()), 422);
        assertThat(problem.get("type").asString()).endsWith("/too-many-categories");
        assertThat(firstError(problem).get("column").asString()).isEqualTo("city");
        assertThat(problem.get("detail").asString()).contains("drop the column");
    }

    @Test
    void unknownDatasetIs404() {
        problem(http.get("/api/v1/datasets/00000000-0000-0000-0000-000000000000"), 404);
        problem(http.get("/api/v1/datasets/00000000-0000-0000-0000-000000000000/rows"), 404);
        problem(http.delete("/api/v1/datasets/00000000-0000-0000-0000-000000000000"), 404);
        problem(http.get("/api/v1/datasets/not-a-uuid"), 400);
    }

    @Test
    void failureWhileStoringChunksRollsBackTheWholeUpload() throws Exception {
        int[] written = {0};
        doAnswer(invocation -> {
            ChunkWriter real = (ChunkWriter) invocation.callRealMethod();
            return (ChunkWriter) (column, firstChunk, chunks) -> {
                if (++written[0] > 2) {
                    throw new IllegalStateException("disk full");
                }
                real.write(column, firstChunk, chunks);
            };
        }).when(store).writerFor(any());

        JsonNode problem = problem(http.postMultipart(DATASETS, "iris.csv",
                Files.readAllBytes(Path.of("examples/datasets/iris.csv")), Map.of()), 500);

        assertThat(written[0]).isGreaterThan(2);
        assertThat(problem.get("detail").asString()).doesNotContain("disk full");
    }

    private static byte[] csvOfSize(int bytes) {
        StringBuilder csv = new StringBuilder("a,b\n");
        while (csv.length() < bytes) {
            csv.append("1.5,2.5\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
