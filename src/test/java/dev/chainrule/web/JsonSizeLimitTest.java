package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.fault.TooLargeException;
import dev.chainrule.support.ApiClient;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** JSON bodies above {@code chainrule.api.max-json-size} are refused before they are parsed. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JsonSizeLimitTest {

    private static final int LIMIT = 1000;

    @Autowired
    MockMvc mvc;

    @Test
    void aBodyDeclaredAboveTheDefaultLimitIs413() {
        byte[] body = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        ApiClient.of(mvc).request(HttpMethod.POST, "/api/v1/models")
                .body("application/json", body).send().expectProblem(413)
                .expectJson("$.detail", containsString("16777216 bytes"));
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedUnread() throws Exception {
        MockHttpServletRequest request = json(new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter().doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(chain.getRequest()).as("the request went no further").isNull();
    }

    @Test
    void aBodyWithoutLengthIsCountedAndStoppedPastTheLimit() {
        AtomicLong read = new AtomicLong();
        MockHttpServletRequest request = chunked(new byte[10 * LIMIT]);
        MockFilterChain reader = new MockFilterChain(new Reader(read));
        assertThatThrownBy(() -> filter().doFilter(request, new MockHttpServletResponse(), reader))
                .isInstanceOf(TooLargeException.class);
        assertThat(read.get()).isLessThanOrEqualTo(LIMIT + 8192L);
    }

    @Test
    void bodiesWithinTheLimitAndOtherTypesPass() throws Exception {
        AtomicLong read = new AtomicLong();
        filter().doFilter(chunked(new byte[LIMIT]), new MockHttpServletResponse(), new MockFilterChain(new Reader(read)));
        assertThat(read.get()).isEqualTo(LIMIT);

        MockHttpServletRequest csv = chunked(new byte[10 * LIMIT]);
        csv.setContentType("text/csv");
        AtomicLong csvRead = new AtomicLong();
        filter().doFilter(csv, new MockHttpServletResponse(), new MockFilterChain(new Reader(csvRead)));
        assertThat(csvRead.get()).isEqualTo(10L * LIMIT);
    }

    private static JsonSizeLimitFilter filter() {
        return new JsonSizeLimitFilter(LIMIT, new ProblemWriter(JsonMapper.builder().build()));
    }

    private static MockHttpServletRequest json(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/models");
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }

    /** As a chunked body arrives: no Content-Length. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/models") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }

    /** Reads the whole body in 8 KiB chunks, as a parser would. */
    private static final class Reader extends HttpServlet {

        private final AtomicLong read;

        Reader(AtomicLong read) {
            this.read = read;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] buffer = new byte[8192];
            for (int n; (n = request.getInputStream().read(buffer, 0, buffer.length)) > 0; ) {
                read.addAndGet(n);
            }
            response.getOutputStream().write("ok".getBytes(StandardCharsets.UTF_8));
        }
    }
}
