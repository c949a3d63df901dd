package dev.chainrule.prediction;

import io.swagger.v3.oas.annotations.Parameter;
import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.chainrule.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/jobs/{id}/predictions")
@Tag(name = "Predictions", description = "Ask a trained model")
class PredictionController {

    private static final String TEXT_CSV = "text/csv";
    private static final String PREDICT_SUMMARY = "Predict for raw instances (one forward pass for the batch)";
    private static final String PREDICT_ANSWERS = "JSON instances, or a text/csv body with a header row naming the "
            + "feature columns. Values are read as an upload reads them: numbers or numeric strings for numeric "
            + "columns, null, \"\", ?, NA or NaN for a missing value (imputed as in training). Classification: "
            + "label and every class's probability; regression: value in the target's units. Answers JSON, or CSV "
            + "with Accept: text/csv.";
    private static final String CSV_EXAMPLE = """
            sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm
            5.1,3.5,1.4,0.2
            6.7,3.0,?,2.3
            """;

    private final PredictionService predictions;

    PredictionController(PredictionService predictions) {
        this.predictions = predictions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
    @ApiResponse(responseCode = "409", description = "The job has no trained parameters yet")
    @ApiResponse(responseCode = "413", description = "More instances than one request may hold")
    @ApiResponse(responseCode = "422", description = "Values that do not fit the columns; errors[] names each by "
            + "JSON pointer (JSON) or row and column (CSV)")
    @Operation(operationId = "predict", summary = PREDICT_SUMMARY, description = PREDICT_ANSWERS)
    PredictionResponse predict(@PathVariable UUID id, @RequestBody PredictionRequest request, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return predictions.predict(caller.tenantId(), id, request.instances());
    }

    @PostMapping(consumes = TEXT_CSV, produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
    @Operation(operationId = "predict", summary = PREDICT_SUMMARY, description = PREDICT_ANSWERS,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", example = CSV_EXAMPLE))))
    PredictionResponse predictCsv(@PathVariable UUID id, @RequestBody String csv, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return predictions.predictCsv(caller.tenantId(), id, csv);
    }

    @GetMapping
    @ApiResponse(responseCode = "409", description = "The job has no trained parameters yet")
    @ApiResponse(responseCode = "422", description = "The dataset lacks a trained column or changed its type")
    @Operation(operationId = "scoreDataset", summary = "Score the rows of a stored dataset, page by page",
            description = "Each row carries its index and the dataset's actual target. 422 when the dataset lacks "
                    + "a trained column or changed its type.")
    ScoredPage score(@PathVariable UUID id, @RequestParam UUID datasetId,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        Paging.window(offset, limit, predictions.maxScoreLimit());
        return predictions.score(caller.tenantId(), id, datasetId, offset, limit);
    }
}
