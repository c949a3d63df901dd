package dev.chainrule.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.fault.DomainException;
import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import tools.jackson.databind.JsonNode;

/** Uploads that succeed, through HTTP, and what the other dataset endpoints then show. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chainrule.datasets.chunk-rows=7")
@ActiveProfiles("test")
class DatasetUploadTest {

    /** Stands in for the job feature: the datasets in this set are used by an active job. */
    static final Set<UUID> IN_USE = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class Usage {
        @Bean
        DatasetUsage testDatasetUsage() {
            return IN_USE::contains;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatasetReader reader;

    @Autowired
    OrphanChunkCleaner cleaner;

    @Autowired
    DecodedDatasetCache decoded;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.atPort(port);
    }

    private static final String DATASETS = "/api/v1/datasets";

    private Reply postCsv(String csv, Map<String, String> query) {
        return http.postCsv(ApiClient.withQuery(DATASETS, query), csv);
    }

    private JsonNode upload(String csv, Map<String, String> query) {
        Reply reply = postCsv(csv, query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.location()).isEqualTo("/api/v1/datasets/" + reply.json().get("id").asString());
        return reply.json();
    }

    private JsonNode rows(JsonNode dataset, int offset, int limit) {
        Reply reply = http.get("/api/v1/datasets/" + dataset.get("id").asString() + "/rows?offset="
                + offset + "&limit=" + limit);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode column(JsonNode dataset, String name) {
        for (JsonNode column : dataset.get("columns")) {
            if (column.get("name").asString().equals(name)) {
                return column;
            }
        }
        throw new AssertionError("no column " + name + " in " + dataset);
    }

    @Test
    void multipartUploadOfIrisInfersClassificationWithStatistics() throws Exception {
        byte[] iris = Files.readAllBytes(Path.of("examples/datasets/iris.csv"));

        Reply reply = http.postMultipart(DATASETS, "iris.csv", iris, Map.of());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode dataset = reply.json();
        assertThat(reply.location()).isEqualTo("/api/v1/datasets/" + dataset.get("id").asString());
        assertThat(dataset.get("name").asString()).isEqualTo("iris");
        assertThat(dataset.get("rows").asInt()).isEqualTo(150);
        assertThat(dataset.get("task").asString()).isEqualTo("classification");
        assertThat(dataset.get("target").asString()).isEqualTo("label");
        assertThat(dataset.get("classes").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
        assertThat(dataset.get("createdAt").asString()).isNotBlank();
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
        assertThat(http.get(reply.location()).body()).isEqualTo(reply.body());
    }

    @Test
    void rawBodyWithStringLabelsAndCategoricalColumns() throws Exception {
        String weather = Files.readString(Path.of("examples/datasets/weather.nominal.csv"));

        JsonNode dataset = upload(weather, Map.of("name", "weather"));

        assertThat(dataset.get("name").asString()).isEqualTo("weather");
        assertThat(dataset.get("task").asString()).isEqualTo("classification");
        assertThat(dataset.get("classes").toString()).isEqualTo("[\"no\",\"yes\"]");
        JsonNode outlook = column(dataset, "outlook");
        assertThat(outlook.get("type").asString()).isEqualTo("categorical");
        assertThat(outlook.get("categories").toString()).isEqualTo(
                "[{\"value\":\"overcast\",\"count\":4},{\"value\":\"rainy\",\"count\":5},{\"value\":\"sunny\",\"count\":5}]");
        assertThat(outlook.has("mean")).isFalse();
        assertThat(rows(dataset, 0, 1).get("rows").get(0).toString()).isEqualTo("[\"sunny\",\"hot\",\"high\",\"FALSE\",\"no\"]");
    }

    @Test
    void quotedFieldsEmbeddedDelimitersNewlinesCrlfAndByteOrderMark() {
        String csv = "\uFEFF\"id\",comment,label\r\n"
                + "1,\"a, b\",x\r\n"
                + "2,\"first line\r\nsecond line\",y\r\n"
                + "3,\"say \"\"hi\"\"\",x\r\n";

        JsonNode dataset = upload(csv, Map.of());

        assertThat(dataset.get("rows").asInt()).isEqualTo(3);
        assertThat(dataset.get("columns").get(0).get("name").asString()).isEqualTo("id");
        JsonNode rows = rows(dataset, 0, 10);
        assertThat(rows.get("columns").toString()).isEqualTo("[\"id\",\"comment\",\"label\"]");
        assertThat(rows.get("rows").get(0).get(1).asString()).isEqualTo("a, b");
        assertThat(rows.get("rows").get(1).get(1).asString()).isEqualTo("first line\r\nsecond line");
        assertThat(rows.get("rows").get(2).get(1).asString()).isEqualTo("say \"hi\"");
    }

    @Test
    void semicolonAndTabAreDetectedOrGiven() {
        JsonNode semicolon = upload("a;b;y\n1,5;2;no\n3,5;4;yes\n", Map.of());
        assertThat(semicolon.get("columns").size()).isEqualTo(3);
        assertThat(column(semicolon, "a").get("type").asString()).isEqualTo("categorical");

        JsonNode tab = upload("a\tb\ty\n1.5\t2\tno\n3.5\t4\tyes\n", Map.of());
        assertThat(column(tab, "a").get("mean").asDouble()).isEqualTo(2.5);

        JsonNode given = upload("a;b,c\n1;2\n3;4\n", Map.of("delimiter", ";", "task", "regression"));
        assertThat(given.get("columns").get(1).get("name").asString()).isEqualTo("b,c");
    }

    @Test
    void missingValuesAreCountedAndComeBackAsNull() {
        String csv = "size,color,note,y\n"
                + "1,red,?,0\n"
                + "NA,,x,1\n"
                + "NaN,blue,z,0\n"
                + " 4 ,red,x,1\n";

        JsonNode dataset = upload(csv, Map.of());

        JsonNode size = column(dataset, "size");
        assertThat(size.get("type").asString()).isEqualTo("numeric");
        assertThat(size.get("missing").asInt()).isEqualTo(2);
        assertThat(size.get("mean").asDouble()).isEqualTo(2.5);
        JsonNode color = column(dataset, "color");
        assertThat(color.get("missing").asInt()).isEqualTo(1);
        assertThat(color.get("categories").toString())
                .isEqualTo("[{\"value\":\"blue\",\"count\":1},{\"value\":\"red\",\"count\":2}]");
        assertThat(rows(dataset, 0, 4).get("rows").toString())
                .isEqualTo("[[1.0,\"red\",null,0.0],[null,null,\"x\",1.0],[null,\"blue\",\"z\",0.0],[4.0,\"red\",\"x\",1.0]]");
    }

    @Test
    void aColumnThatTurnsToTextLateIsCategorical() {
        StringBuilder csv = new StringBuilder("code,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 4).append(',').append(i % 2).append('\n');
        }
        csv.append("unknown,1\n");

        JsonNode dataset = upload(csv.toString(), Map.of());

        JsonNode code = column(dataset, "code");
        assertThat(code.get("type").asString()).isEqualTo("categorical");
        assertThat(code.get("categories").toString()).isEqualTo("[{\"value\":\"0\",\"count\":10},{\"value\":\"1\","
                + "\"count\":10},{\"value\":\"2\",\"count\":10},{\"value\":\"3\",\"count\":10},{\"value\":\"unknown\",\"count\":1}]");
        assertThat(rows(dataset, 39, 5).get("rows").toString()).isEqualTo("[[\"3\",1.0],[\"unknown\",1.0]]");
    }

    @Test
    void numericClassesAreSortedNumericallyAndMergedByValue() {
        JsonNode dataset = upload("x,grade\n1,10\n2,9\n3,2\n4,10.0\n5,2\n", Map.of());

        assertThat(dataset.get("task").asString()).isEqualTo("classification");
        assertThat(dataset.get("classes").toString()).isEqualTo("[\"2\",\"9\",\"10\"]");
        assertThat(rows(dataset, 3, 1).get("rows").toString()).isEqualTo("[[4.0,10.0]]");
    }

    @Test
    void manyDistinctOrFractionalNumericTargetsAreRegressionAndTaskOverrides() throws Exception {
        JsonNode diabetes = upload(Files.readString(Path.of("examples/datasets/diabetes.csv")), Map.of());
        assertThat(diabetes.get("task").asString()).isEqualTo("regression");
        assertThat(diabetes.get("classes").size()).isZero();

        JsonNode fractional = upload("x,y\n1,0.5\n2,1.5\n3,0.5\n", Map.of());
        assertThat(fractional.get("task").asString()).isEqualTo("regression");

        String xor = Files.readString(Path.of("examples/datasets/xor.csv"));
        assertThat(upload(xor, Map.of()).get("task").asString()).isEqualTo("classification");
        assertThat(upload(xor, Map.of("task", "regression")).get("task").asString()).isEqualTo("regression");

        JsonNode byName = upload(xor, Map.of("target", "x1"));
        assertThat(byName.get("target").asString()).isEqualTo("x1");
        assertThat(column(byName, "x1").get("role").asString()).isEqualTo("target");
        assertThat(column(byName, "target").get("role").asString()).isEqualTo("feature");
    }

    @Test
    void rowsComeBackAcrossChunkBoundaries() throws Exception {
        java.util.List<String> lines = Files.readAllLines(Path.of("examples/datasets/iris.csv"));
        JsonNode dataset = upload(String.join("\n", lines), Map.of());

        JsonNode page = rows(dataset, 5, 10);

        assertThat(page.get("offset").asInt()).isEqualTo(5);
        assertThat(page.get("total").asInt()).isEqualTo(150);
        assertThat(page.get("rows").size()).isEqualTo(10);
        for (int r = 0; r < 10; r++) {
            String[] expected = lines.get(1 + 5 + r).split(",");
            JsonNode row = page.get("rows").get(r);
            for (int c = 0; c < expected.length; c++) {
                assertThat(row.get(c).asDouble()).isEqualTo(Float.parseFloat(expected[c]), within(1e-6));
            }
        }
        assertThat(rows(dataset, 148, 100).get("rows").size()).isEqualTo(2);
        assertThat(rows(dataset, 150, 100).get("rows").size()).isZero();
    }

    @Test
    void listIsPagedNewestFirst() {
        long before = http.get("/api/v1/datasets?size=1").json().get("totalElements").asLong();
        for (int i = 0; i < 3; i++) {
            upload("x,y\n1,a\n2,b\n", Map.of("name", "listed-" + i));
        }

        JsonNode page = http.get("/api/v1/datasets?page=0&size=2").json();

        assertThat(page.get("totalElements").asLong()).isEqualTo(before + 3);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("totalPages").asInt()).isEqualTo((int) ((before + 3 + 1) / 2));
        assertThat(page.get("content").size()).isEqualTo(2);
        assertThat(page.get("content").get(0).get("name").asString()).isEqualTo("listed-2");
        assertThat(http.get("/api/v1/datasets?size=1000").status()).isEqualTo(400);
    }

    @Test
    void deleteRemovesTheDatasetAndItsChunksButNotWhileAJobUsesIt() {
        JsonNode dataset = upload("x,y\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n", Map.of());
        UUID id = UUID.fromString(dataset.get("id").asString());
        String path = "/api/v1/datasets/" + id;
        assertThat(chunks(id)).isEqualTo(4);

        IN_USE.add(id);
        Reply refused = http.delete(path);
        IN_USE.remove(id);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(http.get(path).status()).isEqualTo(200);

        assertThat(http.delete(path).status()).isEqualTo(204);
        assertThat(http.get(path).status()).isEqualTo(404);
        assertThat(chunks(id)).isZero();
    }

    @Test
    void aDecodedDatasetIsReadOnceAndForgottenWhenTheDatasetIsDeleted() {
        UUID id = UUID.fromString(upload("x,y\n1,a\n2,b\n3,a\n", Map.of()).get("id").asString());

        DatasetData first = reader.read(id);
        DatasetData second = reader.read(id);
        assertThat(second).as("the second read comes from the cache").isSameAs(first);
        assertThat(decoded.holds(id)).isTrue();

        assertThat(http.delete("/api/v1/datasets/" + id).status()).isEqualTo(204);

        assertThat(decoded.holds(id)).as("evicted by the delete").isFalse();
        assertThatThrownBy(() -> reader.read(id)).isInstanceOf(DomainException.class);
    }

    @Test
    void aDatasetDeletedBehindTheCachesBackIsNotServedFromIt() {
        UUID id = UUID.fromString(upload("x,y\n1,a\n2,b\n", Map.of()).get("id").asString());
        reader.read(id);
        assertThat(decoded.holds(id)).isTrue();

        // as another instance deletes it: the rows go, this instance's cache is not told
        jdbc.update("delete from dataset_chunk where dataset_id = ?", id);
        jdbc.update("delete from dataset where id = ?", id);

        assertThatThrownBy(() -> reader.read(id)).isInstanceOf(DomainException.class);
        assertThat(decoded.holds(id)).isFalse();
    }

    @Test
    void chunksOfAnInterruptedUploadAreDeletedAtStartButStoredDatasetsKeepTheirs() {
        UUID kept = UUID.fromString(upload("x,y\n1,a\n2,b\n", Map.of()).get("id").asString());
        UUID orphan = UUID.randomUUID();
        jdbc.update("insert into dataset_chunk (id, dataset_id, column_index, chunk_index, row_count, data)"
                + " values (?, ?, 0, 0, 1, ?)", UUID.randomUUID(), orphan, new byte[4]);

        cleaner.deleteOrphans();

        assertThat(chunks(orphan)).isZero();
        assertThat(chunks(kept)).isEqualTo(2);
    }

    private long chunks(UUID id) {
        return jdbc.queryForObject("select count(*) from dataset_chunk where dataset_id = ?", Long.class, id);
    }

    @Test
    void aNumberWithManyDigitsIsStoredAsTheNearestFloat() {
        JsonNode dataset = upload("x,y\n0.1234567890123,1\n-1.5e-3,2\n3.4028235E38,3\n", Map.of("task", "regression"));
        assertThat(rows(dataset, 0, 3).get("rows").toString())
                .isEqualTo("[[0.12345679,1.0],[-0.0015,2.0],[3.4028235E38,3.0]]");
        assertThat(column(dataset, "x").get("type").asString()).isEqualTo("numeric");
    }

    @Test
    void readerReturnsFeaturesInFileOrderAndTheTargetFromChunks() throws Exception {
        java.util.List<String> lines = Files.readAllLines(Path.of("examples/datasets/iris.csv"));
        UUID id = UUID.fromString(upload(String.join("\n", lines), Map.of("target", "petal_length_cm",
                "task", "regression")).get("id").asString());

        DatasetData all = reader.read(id);
        DatasetData slice = reader.read(id, 12, 9);

        assertThat(all.rows()).isEqualTo(150);
        assertThat(all.task()).isEqualTo(Task.REGRESSION);
        assertThat(all.features()).extracting(FeatureColumn::name)
                .containsExactly("sepal_length_cm", "sepal_width_cm", "petal_width_cm", "label");
        TargetColumn.Values target = (TargetColumn.Values) all.target();
        FeatureColumn.Numeric label = (FeatureColumn.Numeric) all.features().get(3);
        for (int r = 0; r < 150; r++) {
            String[] fields = lines.get(r + 1).split(",");
            assertThat(target.values()[r]).isEqualTo(Float.parseFloat(fields[2]));
            assertThat(label.values()[r]).isEqualTo(Float.parseFloat(fields[4]));
        }
        assertThat(slice.rows()).isEqualTo(9);
        assertThat(((TargetColumn.Values) slice.target()).values())
                .containsExactly(java.util.Arrays.copyOfRange(target.values(), 12, 21));
        assertThat(reader.read(id, 149, 10).rows()).isEqualTo(1);
    }

    @Test
    void readerDecodesCategoriesClassesAndMissingValues() {
        String csv = "color,size,y\nred,1,b\n,NA,a\nblue,3,b\nred,4,c\n";
        UUID id = UUID.fromString(upload(csv, Map.of()).get("id").asString());

        DatasetData data = reader.read(id);

        FeatureColumn.Categorical color = (FeatureColumn.Categorical) data.features().get(0);
        assertThat(color.categories()).containsExactly("blue", "red", FeatureColumn.Categorical.MISSING);
        assertThat(color.codes()).containsExactly(1, 2, 0, 1);
        FeatureColumn.Numeric size = (FeatureColumn.Numeric) data.features().get(1);
        assertThat(size.values()[1]).isNaN();
        assertThat(size.values()[3]).isEqualTo(4f);
        TargetColumn.Classes y = (TargetColumn.Classes) data.target();
        assertThat(y.classes()).containsExactly("a", "b", "c");
        assertThat(y.labels()).containsExactly(1, 0, 1, 2);
    }
}
