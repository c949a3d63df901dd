package dev.chainrule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;


@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicationStartsTest {

    @LocalServerPort
    int port;

    private Reply get(String path) {
        return ApiClient.atPort(port).get(path);
    }

    @Test
    void healthIsUp() throws Exception {
        Reply response = get("/actuator/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void swaggerUiAndApiDocsAnswer() throws Exception {
        assertThat(get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
