package dev.chainrule.events;

import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.chainrule.web.ServletEventSink;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@Tag(name = "Jobs", description = "Asynchronous training jobs")
class JobEventController {

    private final EventStreams streams;
    private final EventsProperties properties;

    JobEventController(EventStreams streams, EventsProperties properties) {
        this.streams = streams;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "A job's events, live (Server-Sent Events)",
            description = "Events status, epoch (the history entry with its per-layer telemetry), checkpoint and progress, each with an id such "
                    + "as epoch-12. Reconnecting with Last-Event-ID replays every event after it from the database. "
                    + "A finished job's stream replays its events and ends; an idle stream gets a comment line "
                    + "every 15 s. 503 with Retry-After when this instance serves its maximum of streams; 406 "
                    + "when Accept does not allow text/event-stream.",
            responses = @ApiResponse(responseCode = "200", description = "the event stream",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string"))))
    void events(@PathVariable UUID id,
            @Parameter(description = "the id of the last event received: the stream continues after it")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletRequest request, HttpServletResponse response, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        streams.open(caller.tenantId(), id, lastEventId, () -> {
            ServletEventSink s = ServletEventSink.start(request, response, properties.maxQueuedBytes());
            return EventSink.of(s::send, s::endAfterSent, s::close, s::isOpen, s::onClose);
        });
    }
}
