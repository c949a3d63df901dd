package dev.chainrule.model;

import io.swagger.v3.oas.annotations.Parameter;
import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.net.URI;
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

import dev.chainrule.web.PageResponse;
import dev.chainrule.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "Models", description = "Neural network definitions")
class ModelController {

    private final ModelService models;

    ModelController(ModelService models) {
        this.models = models;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "422", description = "The definition breaks a rule; errors[] names every field by JSON pointer")
    @Operation(operationId = "createModel", summary = "Store a model definition",
            description = "201 with Location; 400 when the body is not JSON of the right types; 422 naming every "
                    + "field that breaks a rule.")
    ResponseEntity<ModelResponse> create(@RequestBody ModelRequest request, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        ModelResponse created = models.create(caller.tenantId(), request);
        return ResponseEntity.created(URI.create("/api/v1/models/" + created.id())).body(created);
    }

    @PostMapping("/validate")
    @ApiResponse(responseCode = "200", description = "The definition is valid: the definition with its defaults resolved")
    @ApiResponse(responseCode = "422", description = "The definition breaks a rule; errors[] names every field by JSON pointer")
    @Operation(operationId = "validateModel", summary = "Check a model definition without storing it",
            description = "200 with valid=true and the resolved definition, or the problem POST would answer.")
    ModelValidation validate(@RequestBody ModelRequest request) {
        return models.validate(request);
    }

    @GetMapping
    @Operation(operationId = "listModels", summary = "List model definitions, newest first (explicit parameters left out)")
    PageResponse<ModelResponse> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return PageResponse.of(models.list(caller.tenantId(), Paging.page(page, size)));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getModel", summary = "One model definition")
    ModelResponse get(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return models.find(caller.tenantId(), id);
    }
}
