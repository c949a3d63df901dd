package dev.chainrule.prediction;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.chainrule.web.Paging;

@RestController
@RequestMapping("/api/v1/jobs/{id}/predictions")
@Tag(name = "Predictions", description = "Ask a trained model")
class PredictionController {

    private final PredictionService predictions;

    PredictionController(PredictionService predictions) {
        this.predictions = predictions;
    }

    @PostMapping
    @Operation(summary = "Predict for raw instances (one forward pass for the batch)",
            description = "Classification: label and every class's probability; regression: value in the target's "
                    + "units. 404 no job, 409 no trained parameters yet, 400 malformed, 413 too many instances, "
                    + "422 values that do not fit the columns.")
    PredictionResponse predict(@PathVariable UUID id, @RequestBody PredictionRequest request) {
        return predictions.predict(id, request.instances());
    }

    @GetMapping
    @Operation(summary = "Score the rows of a stored dataset, page by page",
            description = "Each row carries its index and the dataset's actual target. 422 when the dataset lacks "
                    + "a trained column or changed its type.")
    ScoredPage score(@PathVariable UUID id, @RequestParam UUID datasetId,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        Paging.window(offset, limit, predictions.maxScoreLimit());
        return predictions.score(id, datasetId, offset, limit);
    }
}
