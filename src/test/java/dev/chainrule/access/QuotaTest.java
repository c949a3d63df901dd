package dev.chainrule.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;

/** Each tenant's quotas: requests per minute (429, Retry-After), active jobs (429) and stored bytes (413). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class QuotaTest {

    @Autowired
    MockMvc mvc;

    private ApiClient admin() {
        return ApiClient.of(mvc);
    }

    /** A user key of a new tenant with these quotas (a JSON object's members). */
    private ApiClient tenantWith(String quotas) {
        JsonNode tenant = admin().post("/api/v1/tenants", "{\"name\":\"q-" + UUID.randomUUID() + "\",\"quotas\":{"
                + quotas + "}}").expect(201).json();
        return admin().withKey(admin().post("/api/v1/tenants/" + tenant.get("id").asString() + "/keys",
                "{\"name\":\"k\",\"role\":\"user\"}").expect(201).json().get("key").asString());
    }

    @Test
    void aTenantShowsItsQuotasAndTheDefaultsForThoseItDoesNotSet() {
        admin().post("/api/v1/tenants", "{\"name\":\"q-" + UUID.randomUUID() + "\",\"quotas\":{\"maxActiveJobs\":2}}")
                .expect(201).expectJson("$.quotas.maxActiveJobs", 2)
                .expectJson("$.quotas.requestsPerMinute", 1000000)
                .expectJson("$.quotas.maxStorageBytes", 100L * 1024 * 1024 * 1024);
        admin().post("/api/v1/tenants", "{\"name\":\"q-" + UUID.randomUUID() + "\",\"quotas\":{\"maxActiveJobs\":0,"
                + "\"requestsPerMinute\":-5}}").expectProblem(422)
                .expectJson("$.errors[*].pointer", org.hamcrest.Matchers.containsInAnyOrder("/quotas/maxActiveJobs",
                        "/quotas/requestsPerMinute"));
        admin().post("/api/v1/tenants", "{\"name\":\"q\",\"quotas\":{\"maxActiveJobs\":\"many\"}}").expectProblem(400);
    }

    @Test
    void requestsAboveTheTenantsRateAre429WithRetryAfter() {
        ApiClient limited = tenantWith("\"requestsPerMinute\": 3");
        for (int i = 0; i < 3; i++) {
            limited.get("/api/v1/models").expect(200);
        }
        Reply refused = limited.get("/api/v1/models").expectProblem(429)
                .expectJson("$.detail", containsString("requestsPerMinute"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        // The bucket is the tenant's: another tenant, and the admin, go on.
        tenantWith("\"requestsPerMinute\": 3").get("/api/v1/models").expect(200);
        admin().get("/api/v1/models").expect(200);
    }

    @Test
    void jobsBeyondTheActiveJobsQuotaAre429UntilOneFinishes() {
        ApiClient limited = tenantWith("\"maxActiveJobs\": 1");
        Training training = new Training(limited);
        String dataset = training.uploadExample("iris.csv", "task", "classification");
        String model = training.irisSoftmaxModel();
        String first = training.queue(model, dataset, "\"epochs\": 100000, \"batchSize\": 1");
        String job = "{\"modelId\":\"" + model + "\",\"datasetId\":\"" + dataset + "\",\"epochs\":1}";
        limited.post("/api/v1/jobs", job).expectProblem(429).expectJson("$.detail", containsString("maxActiveJobs"))
                .expectHeader("Retry-After", org.hamcrest.Matchers.notNullValue());
        limited.post("/api/v1/jobs/" + first + "/cancel", "").expect(200);
        limited.post("/api/v1/jobs", job).expect(202);
    }

    @Test
    void uploadsBeyondTheStorageQuotaAre413NamingIt() {
        ApiClient limited = tenantWith("\"maxStorageBytes\": 200");
        String small = "x,y\n1,a\n2,b\n3,a\n4,b\n";
        limited.postCsv("/api/v1/datasets?task=classification", small).expect(201);
        String large = "x,y\n" + "1,a\n2,b\n".repeat(40);
        limited.postCsv("/api/v1/datasets?task=classification", large).expectProblem(413)
                .expectJson("$.detail", containsString("maxStorageBytes"));
        // Chunked, the size is unknown until read: the upload is counted and stopped at the quota.
        limited.request(HttpMethod.POST, "/api/v1/datasets?task=classification")
                .streamedBody("text/csv", large.getBytes(StandardCharsets.UTF_8)).send().expectProblem(413)
                .expectJson("$.detail", containsString("maxStorageBytes"));
        limited.get("/api/v1/datasets").expect(200).expectJson("$.totalElements", 1);
    }
}
