package dev.chainrule.job;

import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.chainrule.nn.JsonNamed;

/**
 * {@code "from"} of a job request: start from a checkpoint of another job. Options the request leaves
 * out are the parent's.
 */
@Schema(description = "start from another job's checkpoint; options left out are the parent's")
record ForkRequest(
        @NotNull UUID jobId,
        @Schema(description = "the parent's epoch to start from; default: its best checkpoint, else its last")
        @Min(1) Integer epoch,
        @Schema(description = "weights: the parameters only; all: also the optimizer state, the schedule's "
                + "position and the early-stopping state", defaultValue = "all", allowableValues = {"weights", "all"})
        String restore) {

    enum Restore implements JsonNamed {
        WEIGHTS, ALL;

        static Optional<Restore> fromJsonName(String name) {
            return JsonNamed.fromJsonName(Restore.class, name);
        }
    }
}
