package dev.chainrule.job;

import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.web.PageResponse;
import dev.chainrule.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Asynchronous training jobs")
class JobController {

    private final JobService service;

    JobController(JobService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(responseCode = "422", description = "The model or dataset is unknown, or they do not fit together; errors[] names each by JSON pointer")
    @Operation(operationId = "createJob", summary = "Queue a training job", description = "202 Accepted with the job; poll its Location.")
    ResponseEntity<JobView> create(@Valid @RequestBody CreateJobRequest request, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        JobView job = service.create(caller.tenantId(), request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }

    @GetMapping
    @Operation(operationId = "listJobs", summary = "List jobs, newest first, optionally by status")
    PageResponse<JobView> list(
            @Parameter(description = "queued, running, succeeded, failed or cancelled", schema = @Schema(allowableValues = {
                    "queued", "running", "succeeded", "failed", "cancelled"})) @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return PageResponse.of(service.list(caller.tenantId(), status, Paging.page(page, size)));
    }

    @GetMapping("/compare")
    @Operation(operationId = "compareJobs", summary = "Several jobs side by side",
            description = "Histories aligned by epoch (null where a job did not reach an epoch) and every option, "
                    + "flattened to a path such as optimizer.learningRate, with one value per job and whether they differ.")
    JobComparison compare(@Parameter(description = "2 to 10 job ids, separated by commas", example =
            "3f0c6a52-6c1e-4a51-9d0e-6f1f1b2a7c11,8a1d2c3e-0000-4000-8000-000000000001") @RequestParam String ids,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return service.compare(caller.tenantId(), ids);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getJob", summary = "A job's state, progress and latest metrics")
    JobView get(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return service.get(caller.tenantId(), id);
    }

    @PostMapping("/{id}/cancel")
    @ApiResponse(responseCode = "409", description = "The job has already finished")
    @Operation(operationId = "cancelJob", summary = "Cancel a queued or running job",
            description = "Answers at once with the job cancelled; a running job stops training at its next batch. "
                    + "409 when it has already finished.")
    JobView cancel(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return service.cancel(caller.tenantId(), id);
    }

    @GetMapping("/{id}/history")
    @Operation(operationId = "getJobHistory", summary = "One entry per finished epoch, in order")
    List<HistoryEntry> history(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return service.history(caller.tenantId(), id);
    }

    @GetMapping("/{id}/checkpoints")
    @Operation(operationId = "getJobCheckpoints", summary = "The stored checkpoints (the newest few and the best)")
    List<CheckpointView> checkpoints(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return service.checkpoints(caller.tenantId(), id);
    }

    @GetMapping("/{id}/parameters")
    @ApiResponse(responseCode = "409", description = "No epoch has finished yet")
    @Operation(operationId = "getJobParameters", summary = "The trained parameters, in the shape of a model's parameters",
            description = "The final parameters once the job has finished, else those of its last epoch; "
                    + "409 before the first epoch has finished.")
    List<LayerParameters> parameters(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return service.parameters(caller.tenantId(), id);
    }
}
