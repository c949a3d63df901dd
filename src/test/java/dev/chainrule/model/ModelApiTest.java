package dev.chainrule.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ModelApiTest {

    private static final String IRIS = """
            {"name": "iris-mlp", "inputs": 4,
             "layers": [{"type": "dense", "units": 16, "activation": "relu"},
                        {"type": "dropout", "rate": 0.1},
                        {"type": "dense", "units": 3, "activation": "softmax"}],
             "loss": "cross_entropy", "seed": 42}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    ModelCatalog catalog;

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void createsAModelAndReadsItBack() throws Exception {
        String body = postJson("/api/v1/models", IRIS)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/models/")))
                .andExpect(jsonPath("$.name").value("iris-mlp"))
                .andExpect(jsonPath("$.weightInit").value("he_normal"))
                .andExpect(jsonPath("$.seed").value(42))
                .andExpect(jsonPath("$.l2").value(0.0))
                .andExpect(jsonPath("$.layers[1].rate").value(0.1))
                .andExpect(jsonPath("$.layers[1].units").doesNotExist())
                .andExpect(jsonPath("$.parameterCount").value(4 * 16 + 16 + 16 * 3 + 3))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        String again = mvc.perform(get("/api/v1/models/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(again).isEqualTo(body);
        assertThat(catalog.get(UUID.fromString(id)).toNetworkSpec(4).layers()).hasSize(3);
    }

    @Test
    void explicitParametersAreStoredExactly() throws Exception {
        String body = postJson("/api/v1/models", """
                {"name": "exact", "layers": [{"type": "dense", "units": 2, "activation": "identity"}], "loss": "mse",
                 "parameters": [{"weights": [[0.1, -2.5e10], [1e-300, 0.30000000000000004]], "bias": [0, 1]}]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.inputs").value(2))
                .andReturn().getResponse().getContentAsString();

        var stored = catalog.get(UUID.fromString(JsonPath.read(body, "$.id")));

        assertThat(stored.parameters().get(0).weights()[0]).containsExactly(0.1, -2.5e10);
        assertThat(stored.parameters().get(0).weights()[1]).containsExactly(1e-300, 0.30000000000000004);
        assertThat(stored.parameters().get(0).bias()).containsExactly(0.0, 1.0);
    }

    @Test
    void listsModelsPagedWithoutTheirParameters() throws Exception {
        postJson("/api/v1/models", IRIS.replace("iris-mlp", "listed")).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/models?page=0&size=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].parameters").doesNotExist())
                .andExpect(jsonPath("$.size").value(1));
        mvc.perform(get("/api/v1/models?size=0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/models?page=-1")).andExpect(status().isBadRequest());
    }

    @Test
    void validateAnswersWithoutStoring() throws Exception {
        long before = countModels();

        postJson("/api/v1/models/validate", IRIS)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.model.id").doesNotExist())
                .andExpect(jsonPath("$.model.parameterCount").value(131));
        postJson("/api/v1/models/validate", IRIS.replace("\"relu\"", "\"relux\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].pointer").value("/layers/0/activation"));

        assertThat(countModels()).isEqualTo(before);
    }

    @Test
    void semanticFaultsAre422WithPointers() throws Exception {
        postJson("/api/v1/models", IRIS.replace("\"softmax\"", "\"sigmoid\"").replace("16", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", endsWith("/invalid-model")))
                .andExpect(jsonPath("$.errors[*].pointer").value(
                        org.hamcrest.Matchers.contains("/layers/0/units")));
        postJson("/api/v1/models", IRIS.replace("\"softmax\"", "\"sigmoid\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].pointer").value("/loss"));
    }

    @Test
    void malformedBodiesAndWrongJsonTypesAre400() throws Exception {
        postJson("/api/v1/models", "{\"name\": ").andExpect(status().isBadRequest());
        postJson("/api/v1/models", IRIS.replace("\"units\": 16", "\"units\": true"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/layers/0/units"));
        postJson("/api/v1/models", IRIS.replace("\"rate\": 0.1", "\"rate\": [1]"))
                .andExpect(status().isBadRequest());
        postJson("/api/v1/models", "{\"name\": \"x\", \"layers\": {}}").andExpect(status().isBadRequest());
    }

    @Test
    void unknownOrMalformedIdsAre404And400() throws Exception {
        mvc.perform(get("/api/v1/models/" + UUID.randomUUID())).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/models/not-a-uuid")).andExpect(status().isBadRequest());
    }

    private long countModels() throws Exception {
        String page = mvc.perform(get("/api/v1/models")).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(page, "$.totalElements")).longValue();
    }
}
