package dev.chainrule.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;

/**
 * Models stored and read back through the whole service; how requests are refused is
 * {@link ModelRequestTest}'s part.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ModelApiTest {

    static final String IRIS = """
            {"name": "iris-mlp", "inputs": 4,
             "layers": [{"type": "dense", "units": 16, "activation": "relu"},
                        {"type": "dropout", "rate": 0.1},
                        {"type": "dense", "units": 3, "activation": "softmax"}],
             "loss": "cross_entropy", "seed": 42}""";

    @Autowired
    MockMvc mvc;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
    }

    @Autowired
    ModelCatalog catalog;

    private Reply postJson(String path, String body) throws Exception {
        return http.post(path, body);
    }

    @Test
    void createsAModelAndReadsItBack() throws Exception {
        String body = postJson("/api/v1/models", IRIS)
                .expect(201)
                .expectHeader("Location", org.hamcrest.Matchers.startsWith("/api/v1/models/"))
                .expectJson("$.name", "iris-mlp")
                .expectJson("$.weightInit", "he_normal")
                .expectJson("$.seed", 42)
                .expectJson("$.l2", 0.0)
                .expectJson("$.layers[1].rate", 0.1)
                .expectNoJson("$.layers[1].units")
                .expectJson("$.parameterCount", 4 * 16 + 16 + 16 * 3 + 3).body();
        String id = JsonPath.read(body, "$.id");

        String again = http.get("/api/v1/models/" + id).expect(200).body();

        assertThat(again).isEqualTo(body);
        assertThat(catalog.get(UUID.fromString(id)).toNetworkSpec(4).layers()).hasSize(3);
    }

    @Test
    void explicitParametersAreStoredExactly() throws Exception {
        String body = postJson("/api/v1/models", """
                {"name": "exact", "layers": [{"type": "dense", "units": 2, "activation": "identity"}], "loss": "mse",
                 "parameters": [{"weights": [[0.1, -2.5e10], [1e-300, 0.30000000000000004]], "bias": [0, 1]}]}""")
                .expect(201)
                .expectJson("$.inputs", 2).body();

        var stored = catalog.get(UUID.fromString(JsonPath.read(body, "$.id")));

        assertThat(stored.parameters().get(0).weights()[0]).containsExactly(0.1, -2.5e10);
        assertThat(stored.parameters().get(0).weights()[1]).containsExactly(1e-300, 0.30000000000000004);
        assertThat(stored.parameters().get(0).bias()).containsExactly(0.0, 1.0);
    }

    @Test
    void listsModelsPagedWithoutTheirParameters() throws Exception {
        postJson("/api/v1/models", IRIS.replace("iris-mlp", "listed")).expect(201);

        http.get("/api/v1/models?page=0&size=1")
                .expect(200)
                .expectJson("$.content", hasSize(1))
                .expectNoJson("$.content[0].parameters")
                .expectJson("$.size", 1);
    }

    @Test
    void validateAnswersWithoutStoring() throws Exception {
        long before = countModels();

        postJson("/api/v1/models/validate", IRIS)
                .expect(200)
                .expectJson("$.valid", true)
                .expectNoJson("$.model.id")
                .expectJson("$.model.parameterCount", 131);

        assertThat(countModels()).isEqualTo(before);
    }

    private long countModels() throws Exception {
        String page = http.get("/api/v1/models").body();
        return ((Number) JsonPath.read(page, "$.totalElements")).longValue();
    }
}
