package dev.chainrule.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;

/** {@code chainrule.security.enabled=false}: no key needed, and a warning says so at start. */
@SpringBootTest(properties = "chainrule.security.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SecurityOffTest {

    @Autowired
    MockMvc mvc;

    @Test
    void everyCallIsAnsweredWithoutAKey(CapturedOutput output) {
        ApiClient anonymous = ApiClient.of(mvc).withoutKey();
        anonymous.get("/api/v1/models").expect(200);
        anonymous.get("/api/v1/tenants").expect(200);
        anonymous.get("/actuator/metrics").expect(200);
        assertThat(output.getAll()).contains("Security is OFF");
    }
}
