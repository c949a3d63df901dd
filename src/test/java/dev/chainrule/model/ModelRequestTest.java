package dev.chainrule.model;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.web.WebSlice;

/**
 * How model requests are refused, at the controller: the real {@link ModelService} and
 * {@link ModelValidator} behind {@link ModelController}, the repository mocked (a refused request
 * never reaches it). Storing and reading back is {@link ModelApiTest}'s part.
 */
@WebMvcTest(ModelController.class)
@Import({ ModelService.class, ModelValidator.class, ModelConfiguration.class })
@WebSlice
class ModelRequestTest {

    private static final String IRIS = ModelApiTest.IRIS;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ModelRepository repository;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
    }

    private Reply postJson(String path, String body) {
        return http.post(path, body);
    }

    @Test
    void semanticFaultsAre422WithPointers() {
        postJson("/api/v1/models", IRIS.replace("\"softmax\"", "\"sigmoid\"").replace("16", "0"))
                .expect(422)
                .expectContentType("application/problem+json")
                .expectJson("$.type", endsWith("/invalid-model"))
                .expectJson("$.errors[*].pointer", contains("/layers/0/units"));
        postJson("/api/v1/models", IRIS.replace("\"softmax\"", "\"sigmoid\""))
                .expect(422)
                .expectJson("$.errors[0].pointer", "/loss");
    }

    @Test
    void malformedBodiesAndWrongJsonTypesAre400() {
        postJson("/api/v1/models", "{\"name\": ").expect(400);
        postJson("/api/v1/models", IRIS.replace("\"units\": 16", "\"units\": true"))
                .expect(400)
                .expectJson("$.errors[0].pointer", "/layers/0/units");
        postJson("/api/v1/models", IRIS.replace("\"rate\": 0.1", "\"rate\": [1]"))
                .expect(400);
        postJson("/api/v1/models", "{\"name\": \"x\", \"layers\": {}}").expect(400);
    }

    @Test
    void unknownOrMalformedIdsAre404And400() {
        http.get("/api/v1/models/" + UUID.randomUUID()).expect(404)
                .expectContentType("application/problem+json");
        http.get("/api/v1/models/not-a-uuid").expect(400);
    }

    @Test
    void validateAnswersWithoutStoring() {
        postJson("/api/v1/models/validate", IRIS)
                .expect(200)
                .expectJson("$.valid", true)
                .expectNoJson("$.model.id")
                .expectJson("$.model.parameterCount", 131);
        postJson("/api/v1/models/validate", IRIS.replace("\"relu\"", "\"relux\""))
                .expect(422)
                .expectJson("$.errors[0].pointer", "/layers/0/activation");

        verify(repository, never()).save(any());
    }

    @Test
    void pagingFaultsAre400NamingTheParameter() {
        http.get("/api/v1/models?size=0").expect(400)
                .expectJson("$.errors[0].field", "size");
        http.get("/api/v1/models?page=-1").expect(400);
    }
}
