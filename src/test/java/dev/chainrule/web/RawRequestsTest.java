package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.support.ApiClient;

/**
 * Requests as a client may put them on the wire, URL bytes and all, against the real server: what
 * Tomcat refuses before any servlet runs is a problem too, never an HTML page or a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chainrule.runner.enabled=false")
@ActiveProfiles("test")
class RawRequestsTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/models/%00", "/api/v1/models/a%2Fb", "/api/v1/models/%", "/api/v1/models/%zz",
            "/api/v1/models?page=%", "/api/v1/models?page=%zz&size=1", "/api/v1/jobs?status=%",
            "/api/v1/models/%C0%AF", "/api/v1/jobs?status=%00", "/api/v1/models/not-a-uuid",
            "/api/v1/datasets/..%2F..%2Fetc", "/api/v1/models/%25", "/%", "/api/v1/jobs/%5c",
            "/api/v1/models/abc;jsessionid=1" })
    void aRefusedUrlIsA400Problem(String target) throws IOException {
        String answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + ApiClient.ADMIN_KEY + "\r\nConnection: close\r\n\r\n");
        assertThat(statusOf(answer)).as(target).isEqualTo(400);
        assertThat(answer).as(target).containsIgnoringCase("Content-Type: application/problem+json")
                .doesNotContainIgnoringCase("<html").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/models/" + "0123456789abcdef", "/api/v1/models/x" })
    void anOverlongIdIsA400Problem(String prefix) throws IOException {
        String target = prefix + "a".repeat(5000);
        String answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + ApiClient.ADMIN_KEY + "\r\nConnection: close\r\n\r\n");
        assertThat(statusOf(answer)).isEqualTo(400);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "multipart/form-data", "multipart/form-data; boundary=xyz",
            "multipart/form-data; boundary=" })
    void multipartThatDoesNotParseIsA400Problem(String contentType) throws IOException {
        String body = "this is not multipart at all";
        String answer = send("POST /api/v1/datasets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + ApiClient.ADMIN_KEY + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(statusOf(answer)).as(contentType).isEqualTo(400);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int statusOf(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }
}
