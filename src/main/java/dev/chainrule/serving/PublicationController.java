package dev.chainrule.serving;

import io.swagger.v3.oas.annotations.Parameter;
import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Jobs")
class PublicationController {

    private final Publications publications;

    PublicationController(Publications publications) {
        this.publications = publications;
    }

    @PostMapping("/api/v1/jobs/{id}/publish")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "The job has not succeeded")
    @ApiResponse(responseCode = "422", description = "The name is not valid")
    @Operation(operationId = "publishJob", summary = "Publish a succeeded job under a name for the KServe v2 endpoints",
            description = "Each publish of a name is its next version (1, 2, …); calls without a version go to the "
                    + "newest. 201 with Location /v2/models/{name}/versions/{version}. 404 no job, 409 the job has not "
                    + "succeeded, 422 an invalid name.")
    ResponseEntity<PublicationView> publish(@PathVariable UUID id, @RequestBody PublishRequest request, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        PublicationView published = publications.publish(caller.tenantId(), id, request);
        return ResponseEntity.created(URI.create(published.endpoint())).body(published);
    }
}
