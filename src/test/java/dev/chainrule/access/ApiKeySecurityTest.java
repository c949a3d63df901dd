package dev.chainrule.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.ApiOperations;
import dev.chainrule.support.Reply;
import tools.jackson.databind.JsonNode;

/** API keys over the whole application: who gets in, who is refused and how, keys and tenants managed through the API. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiKeySecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiKeyRepository keys;

    @Autowired
    JdbcTemplate jdbc;

    private ApiClient admin() {
        return ApiClient.of(mvc);
    }

    private String newTenant() {
        return admin().post("/api/v1/tenants", "{\"name\":\"t-" + UUID.randomUUID() + "\"}").expect(201)
                .json().get("id").asString();
    }

    private JsonNode newKey(String tenant, String role, String expiresAt) {
        String expiry = expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"";
        return admin().post("/api/v1/tenants/" + tenant + "/keys",
                "{\"name\":\"k\",\"role\":\"" + role + "\"" + expiry + "}").expect(201).json();
    }

    @Test
    void everyOperationOfTheApiDocumentNeedsAKey() {
        JsonNode paths = admin().withoutKey().get("/v3/api-docs").expect(200).json().get("paths");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : path.getValue().propertyNames()) {
                String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                operations.add(method.toUpperCase() + " " + path.getKey());
                Reply reply = admin().withoutKey().request(HttpMethod.valueOf(method.toUpperCase()), concrete).send();
                if (path.getKey().startsWith("/v2/health/")) {
                    // KServe's probes stay public, like the actuator's (docs/security.md).
                    assertThat(reply.status()).as(method + " " + path.getKey()).isNotEqualTo(401);
                    continue;
                }
                assertThat(reply.status()).as(method + " " + path.getKey()).isEqualTo(401);
                reply.expectProblem(401).expectHeader("WWW-Authenticate", startsWith("Bearer"));
                admin().withKey("cr_not-a-key-at-all").request(HttpMethod.valueOf(method.toUpperCase()), concrete)
                        .send().expectProblem(401);
            }
        }
        assertThat(operations).as("operations in the document").hasSizeGreaterThan(20)
                .contains("POST /api/v1/tenants", "DELETE /api/v1/keys/{id}", "GET /v2/health/live");
    }

    @Test
    void everyOperationRefusesARevokedOrAnExpiredKey() {
        String tenant = newTenant();
        JsonNode revoked = newKey(tenant, "admin", null);
        admin().delete("/api/v1/keys/" + revoked.get("id").asString()).expect(200);
        JsonNode expired = newKey(tenant, "admin", null);
        jdbc.update("UPDATE api_key SET expires_at = ? WHERE id = ?", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1),
                UUID.fromString(expired.get("id").asString()));
        List<String> refused = new ArrayList<>();
        for (ApiOperations.Operation op : ApiOperations.of(admin()).all()) {
            String concrete = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (JsonNode key : List.of(revoked, expired)) {
                admin().withKey(key.get("key").asString()).request(HttpMethod.valueOf(op.method()), concrete).send()
                        .expectProblem(401).expectHeader("WWW-Authenticate", startsWith("Bearer"));
            }
            refused.add(op.name());
        }
        assertThat(refused).hasSizeGreaterThan(20).contains("GET /api/v1/jobs/{id}/events", "GET /v2/health/live");
    }

    @Test
    void aUserKeyIsRefusedEveryAdminCallOfTheDocumentWith403() {
        ApiClient user = admin().withKey(newKey(newTenant(), "user", null).get("key").asString());
        List<String> refused = new ArrayList<>();
        for (ApiOperations.Operation op : ApiOperations.of(admin()).all()) {
            if (op.path().startsWith("/api/v1/tenants") || op.path().startsWith("/api/v1/keys")) {
                String concrete = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                ApiClient.Request request = user.request(HttpMethod.valueOf(op.method()), concrete);
                if (op.exampleBody() != null) {
                    request.body("application/json", op.exampleBody().toString());
                }
                request.send().expectProblem(403);
                refused.add(op.name());
            }
        }
        assertThat(refused).containsExactlyInAnyOrder("GET /api/v1/tenants", "POST /api/v1/tenants",
                "GET /api/v1/tenants/{id}/keys", "POST /api/v1/tenants/{id}/keys", "DELETE /api/v1/keys/{id}");
    }

    @Test
    void aUserKeyIsRefusedAdminCallsWith403() {
        String tenant = newTenant();
        ApiClient user = admin().withKey(newKey(tenant, "user", null).get("key").asString());
        user.get("/api/v1/models").expect(200);
        user.get("/api/v1/tenants").expectProblem(403).expectJson("$.detail", "This call needs an admin key.");
        user.post("/api/v1/tenants", "{\"name\":\"x\"}").expectProblem(403);
        user.get("/api/v1/tenants/" + tenant + "/keys").expectProblem(403);
        user.post("/api/v1/tenants/" + tenant + "/keys", "{\"name\":\"k\",\"role\":\"admin\"}").expectProblem(403);
        user.delete("/api/v1/keys/" + UUID.randomUUID()).expectProblem(403);
        user.get("/actuator/prometheus").expectProblem(403);
        user.get("/actuator/metrics").expectProblem(403);
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestOn() {
        String tenant = newTenant();
        JsonNode created = newKey(tenant, "user", null);
        String secret = created.get("key").asString();
        assertThat(secret).startsWith("cr_").hasSizeGreaterThan(40).startsWith(created.get("prefix").asString());
        ApiClient user = admin().withKey(secret);
        user.get("/api/v1/models").expect(200);

        admin().delete("/api/v1/keys/" + created.get("id").asString()).expect(200).expectJson("$.revokedAt",
                org.hamcrest.Matchers.notNullValue());
        user.get("/api/v1/models").expectProblem(401).expectHeader("WWW-Authenticate", startsWith("Bearer"))
                .expectJson("$.detail", containsString("revoked"));
    }

    @Test
    void anExpiredKeyIsRefused() throws InterruptedException {
        String tenant = newTenant();
        String secret = newKey(tenant, "user", Instant.now().plusMillis(1500).toString()).get("key").asString();
        admin().withKey(secret).get("/api/v1/models").expect(200);
        Thread.sleep(2000);
        admin().withKey(secret).get("/api/v1/models").expectProblem(401);
    }

    @Test
    void keysAreStoredAsHashesAndListedWithoutSecrets() {
        String tenant = newTenant();
        JsonNode created = newKey(tenant, "admin", null);
        String secret = created.get("key").asString();
        admin().withKey(secret).get("/api/v1/models").expect(200);

        ApiKey stored = keys.findById(UUID.fromString(created.get("id").asString())).orElseThrow();
        assertThat(stored.secretHash()).isEqualTo(KeySecrets.hash(secret)).doesNotContain(secret);
        Reply listed = admin().get("/api/v1/tenants/" + tenant + "/keys").expect(200);
        assertThat(listed.body()).doesNotContain(secret).contains(created.get("prefix").asString());
        listed.expectJson("$[0].lastUsedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badKeyRequestsAreProblems() {
        String tenant = newTenant();
        admin().post("/api/v1/tenants/" + tenant + "/keys", "{\"name\":\"\",\"role\":\"root\"}").expectProblem(422)
                .expectJson("$.errors[*].pointer", org.hamcrest.Matchers.hasItems("/name", "/role"));
        admin().post("/api/v1/tenants/" + UUID.randomUUID() + "/keys", "{\"name\":\"k\",\"role\":\"user\"}")
                .expectProblem(404);
        admin().delete("/api/v1/keys/" + UUID.randomUUID()).expectProblem(404);
        admin().request(HttpMethod.GET, "/api/v1/models").header("Authorization", "Basic eDp5").send()
                .expectProblem(401);
    }

    @Test
    void anotherTenantsAdminManagesOnlyItsOwnTenant() {
        String first = newTenant();
        String second = newTenant();
        ApiClient secondAdmin = admin().withKey(newKey(second, "admin", null).get("key").asString());
        secondAdmin.get("/api/v1/tenants/" + first + "/keys").expectProblem(404);
        secondAdmin.get("/api/v1/tenants/" + second + "/keys").expect(200);
        String firstKey = newKey(first, "user", null).get("id").asString();
        secondAdmin.delete("/api/v1/keys/" + firstKey).expectProblem(404);
        assertThat(secondAdmin.get("/api/v1/tenants").expect(200).body()).contains(second).doesNotContain(first);
    }

    @Test
    void probesArePublicAndOperationsDataNeedsAnAdminKey() {
        ApiClient anonymous = admin().withoutKey();
        anonymous.get("/actuator/health/liveness").expect(200).expectNoJson("$.components");
        anonymous.get("/actuator/health/readiness").expect(200).expectNoJson("$.components");
        anonymous.get("/actuator/health").expect(200).expectNoJson("$.components");
        admin().get("/actuator/health").expect(200).expectJson("$.components.db.status", "UP");
        anonymous.get("/actuator/prometheus").expectProblem(401);
        anonymous.get("/actuator/metrics").expectProblem(401);
        anonymous.get("/actuator/info").expectProblem(401);
        admin().get("/actuator/metrics").expect(200);
    }

    @Test
    void securityHeadersAndFirewallRefusalsAreProblems() {
        admin().get("/api/v1/models").expect(200).expectHeader("X-Content-Type-Options", startsWith("nosniff"))
                .expectHeader("X-Frame-Options", startsWith("DENY"))
                .expectHeader("Cache-Control", containsString("no-store"));
        admin().get("/api/v1/models/a%2Fb").expectProblem(400).expectJson("$.detail", containsString("URL"));
        admin().get("/api/v1/models/..;x").expectProblem(400);
    }
}
