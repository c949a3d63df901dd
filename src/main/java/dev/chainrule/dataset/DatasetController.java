package dev.chainrule.dataset;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.chainrule.access.Caller;
import dev.chainrule.web.PageResponse;
import dev.chainrule.web.Paging;

@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "Datasets", description = "CSV uploads, their inferred schema and statistics, and their rows")
class DatasetController {

    private static final String TARGET_DESCRIPTION = "target column; default: the last column. A regression "
            + "dataset may have several: target=a,b or target repeated";
    private static final String UPLOAD_SUMMARY = "Upload a CSV file: multipart/form-data (part 'file'), "
            + "or the raw text/csv body (the faster path for large files)";
    private static final String UPLOAD_ANSWERS = "201 with Location and the dataset. 400 for a malformed file "
            + "(the problem names the row and column), 413 over the size limit, 415 for another content type, "
            + "422 for a file that cannot be trained on (single class, too many categories).";
    private static final String CSV_EXAMPLE = """
            sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,label
            5.1,3.5,1.4,0.2,setosa
            4.9,3.0,1.4,0.2,setosa
            7.0,3.2,4.7,1.4,versicolor
            6.4,3.2,4.5,1.5,versicolor
            6.3,3.3,6.0,2.5,virginica
            5.8,2.7,5.1,1.9,virginica
            """;

    private static final String MULTIPART_EXAMPLE = """
            sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,label
            5.1,3.5,1.4,0.2,setosa
            7.0,3.2,4.7,1.4,versicolor
            """;

    private final DatasetUploads uploads;
    private final DatasetCatalog catalog;

    DatasetController(DatasetUploads uploads, DatasetCatalog catalog) {
        this.uploads = uploads;
        this.catalog = catalog;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "413", description = "The upload is over the size limit")
    @ApiResponse(responseCode = "422", description = "The file cannot be trained on (a single class, too many categories ...); errors[] names the row and column")
    @Operation(operationId = "uploadDataset", summary = UPLOAD_SUMMARY, description = UPLOAD_ANSWERS)
    ResponseEntity<DatasetResponse> uploadMultipart(
            @Parameter(description = "CSV with a header row", schema = @Schema(type = "string", format = "binary",
                    example = MULTIPART_EXAMPLE)) @RequestPart("file") MultipartFile file,
            @Parameter(description = "display name; default: the file name") @RequestParam(required = false) String name,
            @Parameter(description = TARGET_DESCRIPTION) @RequestParam(required = false) List<String> target,
            @Parameter(description = "classification or regression; default: inferred") @RequestParam(required = false) String task,
            @Parameter(description = "',', ';' or 'tab'; default: detected") @RequestParam(required = false) String delimiter,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller)
            throws IOException {
        return created(caller, uploads.fromFile(caller.tenantId(), file.getInputStream(), file.getSize(),
                file.getOriginalFilename(), new UploadOptions(name, target, task, delimiter)));
    }

    @PostMapping(consumes = {"text/csv", "application/csv", "text/tab-separated-values"})
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "413", description = "The upload is over the size limit")
    @ApiResponse(responseCode = "422", description = "The file cannot be trained on (a single class, too many categories ...); errors[] names the row and column")
    @Operation(operationId = "uploadDataset", summary = UPLOAD_SUMMARY,
            description = UPLOAD_ANSWERS,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv",
                            schema = @Schema(type = "string", example = CSV_EXAMPLE))))
    ResponseEntity<DatasetResponse> uploadCsv(@Parameter(hidden = true) HttpServletRequest request,
            @RequestParam(required = false) String name,
            @Parameter(description = TARGET_DESCRIPTION) @RequestParam(required = false) List<String> target,
            @RequestParam(required = false) String task, @RequestParam(required = false) String delimiter,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller)
            throws IOException {
        return created(caller, uploads.fromBody(caller.tenantId(), request.getInputStream(),
                request.getContentLengthLong(), new UploadOptions(name, target, task, delimiter)));
    }

    @GetMapping
    @Operation(operationId = "listDatasets", summary = "List datasets, newest first (page counts from 0)")
    PageResponse<DatasetResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return PageResponse.of(catalog.list(caller.tenantId(), Paging.page(page, size)));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDataset", summary = "One dataset with its schema and per-column statistics", description = "404 when unknown.")
    DatasetResponse get(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return catalog.get(caller.tenantId(), id);
    }

    @GetMapping("/{id}/rows")
    @Operation(operationId = "getDatasetRows", summary = "Raw values of rows [offset, offset+limit), in column order; missing values as null")
    RowsResponse rows(@PathVariable UUID id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        Paging.window(offset, limit, catalog.maxRowsLimit());
        return catalog.rows(caller.tenantId(), id, offset, limit);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "409", description = "A queued or running job uses the dataset")
    @Operation(operationId = "deleteDataset", summary = "Delete a dataset", description = "204; 404 when unknown; 409 while a queued or running job uses it.")
    ResponseEntity<Void> delete(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        catalog.delete(caller.tenantId(), id);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<DatasetResponse> created(Caller caller, UUID id) {
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + id)).body(catalog.get(caller.tenantId(), id));
    }
}
