package dev.chainrule.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.ApiOperations;
import dev.chainrule.support.ApiOperations.Operation;
import dev.chainrule.support.Reply;
import dev.chainrule.support.Training;

/**
 * Every dataset, model, job and publication belongs to the tenant of the key that made it: for every
 * operation of the live API document that takes an id or a name, another tenant's (even its admin's)
 * is answered exactly as one that does not exist, and lists show only the tenant's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

    private static final String PUBLISHED = "isolated-iris";
    /**
     * Not called by the owner here: what changes or destroys what it names, and the event stream, which
     * MockMvc cannot stream (JobEventStreamTest follows it on a real server).
     */
    private static final Set<String> NOT_FOR_THE_OWNER = Set.of("DELETE /api/v1/datasets/{id}",
            "POST /api/v1/jobs/{id}/cancel", "DELETE /api/v1/keys/{id}", "GET /api/v1/jobs/{id}/events");

    @Autowired
    MockMvc mvc;

    private ApiClient owner;
    private ApiClient other;
    private Map<String, String> owned;

    @BeforeAll
    void theFirstTenantsResources() {
        owner = ApiClient.of(mvc);
        String tenant = owner.post("/api/v1/tenants", "{\"name\":\"other-" + UUID.randomUUID() + "\"}").expect(201)
                .json().get("id").asString();
        other = owner.withKey(owner.post("/api/v1/tenants/" + tenant + "/keys", "{\"name\":\"k\",\"role\":\"admin\"}")
                .expect(201).json().get("key").asString());
        Training training = new Training(owner);
        String dataset = training.uploadExample("iris.csv", "task", "classification");
        String model = training.irisSoftmaxModel();
        String job = training.trainedJob(model, dataset, "\"epochs\": 2");
        owner.post("/api/v1/jobs/" + job + "/publish", "{\"name\":\"" + PUBLISHED + "\"}").expect(201);
        String key = owner.post("/api/v1/tenants/00000000-0000-0000-0000-000000000001/keys",
                "{\"name\":\"k\",\"role\":\"user\"}").expect(201).json().get("id").asString();
        owned = Map.of("dataset", dataset, "model", model, "job", job, "key", key,
                "tenant", "00000000-0000-0000-0000-000000000001");
    }

    @Test
    void anotherTenantsIdIsNotFoundExactlyAsAMissingOne() {
        List<String> checked = new ArrayList<>();
        for (Operation op : ApiOperations.of(owner).all()) {
            if (!op.hasPathParameter() || op.path().startsWith("/v2/health")) {
                continue;
            }
            Map<String, String> theirs = values(op, false);
            Map<String, String> missing = values(op, true);
            Reply refused = send(other, op, theirs);
            Reply absent = send(other, op, missing);
            assertThat(refused.status()).as(op.name()).isEqualTo(404).isEqualTo(absent.status());
            if (!op.path().startsWith("/v2/")) {
                refused.expectProblem(404);
                assertThat(refused.json().get("type")).as(op.name()).isEqualTo(absent.json().get("type"));
                assertThat(withoutIds(refused.json().get("detail").asString(), theirs)).as(op.name())
                        .isEqualTo(withoutIds(absent.json().get("detail").asString(), missing));
            }
            if (!NOT_FOR_THE_OWNER.contains(op.name())) {
                assertThat(send(owner, op, theirs).status()).as("the owner: " + op.name()).isNotEqualTo(404);
            }
            checked.add(op.name());
        }
        assertThat(checked).hasSizeGreaterThan(20).contains("GET /api/v1/jobs/{id}/events",
                "POST /api/v1/jobs/{id}/predictions", "POST /v2/models/{name}/infer", "GET /api/v1/jobs/{id}/export",
                "POST /api/v1/models/{id}/step", "DELETE /api/v1/datasets/{id}");
    }

    @Test
    void listsShowOnlyTheTenantsOwn() {
        for (String list : List.of("/api/v1/datasets", "/api/v1/models", "/api/v1/jobs")) {
            String theirs = other.get(list).expect(200).body();
            String mine = owner.get(list).expect(200).body();
            assertThat(mine).as(list).containsAnyOf(owned.get("dataset"), owned.get("model"), owned.get("job"));
            assertThat(theirs).as(list).doesNotContain(owned.get("dataset"), owned.get("model"), owned.get("job"));
        }
    }

    @Test
    void aTenantWorksWithItsOwnAndItsNamesAreItsOwn() {
        Training training = new Training(other);
        String dataset = training.uploadExample("iris.csv", "task", "classification");
        other.get("/api/v1/datasets/" + dataset).expect(200);
        owner.get("/api/v1/datasets/" + dataset).expectProblem(404);
        String model = training.irisSoftmaxModel();
        // Another tenant's model or dataset cannot be trained on: unknown, as if it did not exist.
        other.post("/api/v1/jobs", "{\"modelId\":\"" + owned.get("model") + "\",\"datasetId\":\"" + dataset + "\"}")
                .expectProblem(422).expectJson("$.errors[0].pointer", "/modelId");
        other.post("/api/v1/jobs", "{\"modelId\":\"" + model + "\",\"datasetId\":\"" + owned.get("dataset") + "\"}")
                .expectProblem(422).expectJson("$.errors[0].pointer", "/datasetId");
        String job = training.trainedJob(model, dataset, "\"epochs\": 1");
        // The same published name in two tenants: each sees its own version 1.
        other.post("/api/v1/jobs/" + job + "/publish", "{\"name\":\"" + PUBLISHED + "\"}").expect(201)
                .expectJson("$.version", 1);
        other.get("/v2/models/" + PUBLISHED).expect(200).expectJson("$.versions[0]", "1")
                .expectJson("$.versions.length()", 1)
                .expectJson("$.parameters.job_id", job);
        owner.get("/v2/models/" + PUBLISHED).expect(200).expectJson("$.parameters.job_id", owned.get("job"));
    }

    /** The first tenant's ids, or ids that exist nowhere. */
    private Map<String, String> values(Operation op, boolean missing) {
        String resource = op.path().startsWith("/api/v1/datasets") ? "dataset"
                : op.path().startsWith("/api/v1/models") ? "model"
                : op.path().startsWith("/api/v1/jobs") ? "job"
                : op.path().startsWith("/api/v1/tenants") ? "tenant"
                : op.path().startsWith("/api/v1/keys") ? "key" : "publication";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", missing ? UUID.randomUUID().toString() : owned.get(resource));
        values.put("name", missing ? "never-published" : PUBLISHED);
        values.put("version", "1");
        values.put("datasetId", missing ? UUID.randomUUID().toString() : owned.get("dataset"));
        return values;
    }

    private static Reply send(ApiClient client, Operation op, Map<String, String> values) {
        Map<String, String> query = new LinkedHashMap<>();
        for (var parameter : op.query()) {
            if (parameter.path("required").asBoolean()) {
                query.put(parameter.get("name").asString(), values.get(parameter.get("name").asString()));
            }
        }
        ApiClient.Request request = client.request(HttpMethod.valueOf(op.method()),
                ApiClient.withQuery(op.concrete(values), query));
        if (op.path().endsWith("/events")) {
            request.header("Accept", "text/event-stream");
        }
        if (!op.contentTypes().isEmpty()) {
            request.body("application/json", op.exampleBody() == null ? "{}" : op.exampleBody().toString());
        }
        return request.send();
    }

    private static String withoutIds(String detail, Map<String, String> values) {
        String plain = detail;
        for (String value : values.values()) {
            plain = plain.replace(value, "<id>");
        }
        return plain;
    }
}
