package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;

/**
 * {@code openapi/openapi.yaml} must be exactly what the running service publishes. After changing
 * the API, regenerate it with {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @Autowired
    MockMvc mvc;

    @Test
    void committedDocumentEqualsTheLiveOne() throws Exception {
        String live = ApiClient.of(mvc).get("/v3/api-docs.yaml").expect(200).body();
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, live, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("openapi/openapi.yaml exists").isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("openapi/openapi.yaml is stale: regenerate with "
                        + "./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true")
                .isEqualTo(live);
    }
}
