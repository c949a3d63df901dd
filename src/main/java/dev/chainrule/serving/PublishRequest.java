package dev.chainrule.serving;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/jobs/{id}/publish}. */
@Schema(example = "{\"name\": \"iris\"}")
record PublishRequest(
        @Schema(description = "1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit",
                example = "iris") String name) {
}
