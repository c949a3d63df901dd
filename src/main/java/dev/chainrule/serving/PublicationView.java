package dev.chainrule.serving;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A published version of a name, and where the KServe v2 protocol serves it. */
record PublicationView(String name, int version, UUID jobId, Instant createdAt,
        @Schema(description = "The version's KServe v2 model path; calls without a version go to the newest",
                example = "/v2/models/iris/versions/1") String endpoint) {

    static PublicationView of(Publication p) {
        return new PublicationView(p.name(), p.version(), p.jobId(), p.createdAt(),
                "/v2/models/" + p.name() + "/versions/" + p.version());
    }
}
