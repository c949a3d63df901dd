package dev.chainrule.dataset;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/datasets")
class DatasetController {

    private final DatasetUploads uploads;
    private final DatasetCatalog catalog;

    DatasetController(DatasetUploads uploads, DatasetCatalog catalog) {
        this.uploads = uploads;
        this.catalog = catalog;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetResponse> uploadMultipart(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String name, @RequestParam(required = false) String target,
            @RequestParam(required = false) String task, @RequestParam(required = false) String delimiter) {
        return created(uploads.fromMultipart(file, new UploadOptions(name, target, task, delimiter)));
    }

    @PostMapping(consumes = {"text/csv", "application/csv", "text/tab-separated-values"})
    ResponseEntity<DatasetResponse> uploadCsv(HttpServletRequest request,
            @RequestParam(required = false) String name, @RequestParam(required = false) String target,
            @RequestParam(required = false) String task, @RequestParam(required = false) String delimiter)
            throws IOException {
        return created(uploads.fromBody(request.getInputStream(), request.getContentLengthLong(),
                new UploadOptions(name, target, task, delimiter)));
    }

    @GetMapping
    PageResponse<DatasetResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return catalog.list(page, size);
    }

    @GetMapping("/{id}")
    DatasetResponse get(@PathVariable UUID id) {
        return catalog.get(id);
    }

    @GetMapping("/{id}/rows")
    RowsResponse rows(@PathVariable UUID id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return catalog.rows(id, offset, limit);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<DatasetResponse> created(UUID id) {
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + id)).body(catalog.get(id));
    }
}
