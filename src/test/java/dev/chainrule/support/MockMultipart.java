package dev.chainrule.support;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Multipart uploads for {@link ApiClient} bound to MockMvc: MockMvc does not parse a multipart body
 * sent as bytes, so the parts go in as MockMvc's own.
 */
final class MockMultipart {

    private MockMultipart() {
    }

    static Reply post(MockMvc mvc, String path, String filename, byte[] file, Map<String, String> fields,
                      String key) {
        MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(path);
        if (key != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        }
        if (file != null) {
            request.file(new MockMultipartFile("file", filename, "text/csv", file));
        }
        fields.forEach(request::param);
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            HttpHeaders headers = new HttpHeaders();
            response.getHeaderNames().forEach(name -> headers.addAll(name, response.getHeaders(name)));
            if (response.getContentType() != null && !headers.containsHeader(HttpHeaders.CONTENT_TYPE)) {
                headers.set(HttpHeaders.CONTENT_TYPE, response.getContentType());
            }
            return new Reply(response.getStatus(), headers, response.getContentAsByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed in MockMvc", e);
        }
    }
}
