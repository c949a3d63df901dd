package dev.chainrule.events;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.fault.NotFoundException;
import dev.chainrule.support.ApiClient;
import dev.chainrule.web.WebSlice;

/**
 * The event stream's request at the controller, the streams mocked: content negotiation, the path
 * and the Last-Event-ID header as handed on, and an unknown job. Streaming over a real connection
 * is {@link JobEventStreamTest}'s part.
 */
@WebMvcTest(JobEventController.class)
@Import(EventsConfiguration.class)
@WebSlice
class JobEventRequestTest {

    private static final UUID JOB = UUID.randomUUID();
    private static final String EVENTS = "/api/v1/jobs/" + JOB + "/events";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    EventStreams streams;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
    }

    @Test
    void theJobAndTheLastEventIdReachTheStreams() {
        http.request(HttpMethod.GET, EVENTS).header("Accept", "text/event-stream").header("Last-Event-ID", "epoch-5")
                .send();
        verify(streams).open(any(), eq(JOB), eq("epoch-5"), any());
        UUID other = UUID.randomUUID();
        http.request(HttpMethod.GET, "/api/v1/jobs/" + other + "/events").header("Accept", "text/event-stream").send();
        verify(streams).open(any(), eq(other), isNull(), any());
    }

    @Test
    void anAcceptWithoutTheEventStreamIs406() {
        http.request(HttpMethod.GET, EVENTS).header("Accept", "application/json").send().expectProblem(406);
        verifyNoInteractions(streams);
    }

    @Test
    void anUnknownJobIs404AndAMalformedId400() {
        doThrow(new NotFoundException("Job", JOB)).when(streams).open(any(), eq(JOB), any(), any());
        http.request(HttpMethod.GET, EVENTS).header("Accept", "text/event-stream").send().expectProblem(404);
        http.request(HttpMethod.GET, "/api/v1/jobs/not-a-uuid/events").header("Accept", "text/event-stream").send()
                .expectProblem(400);
    }
}
