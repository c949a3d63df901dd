package dev.chainrule.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.chainrule.access.TenantQuotas;

/**
 * Accepts the two upload forms and enforces two limits on both: the upload size, and what is left of
 * the tenant's storage quota. Two uploads of one tenant at the same moment are each checked against
 * what was stored before them, so together they may pass the quota by at most one upload.
 */
@Service
class DatasetUploads {

    private static final String DEFAULT_NAME = "dataset";

    private final DatasetImporter importer;
    private final DatasetRepository datasets;
    private final TenantQuotas quotas;
    private final long limitBytes;

    DatasetUploads(DatasetImporter importer, DatasetRepository datasets, TenantQuotas quotas,
            DatasetProperties properties) {
        this.importer = importer;
        this.datasets = datasets;
        this.quotas = quotas;
        this.limitBytes = properties.maxUploadSize().toBytes();
    }

    /**
     * An uploaded file of {@code size} bytes, named after {@code filename} unless the options name it.
     * Closes {@code content}.
     */
    UUID fromFile(UUID tenant, InputStream content, long size, String filename, UploadOptions options) {
        try (InputStream in = content) {
            return importer.importCsv(tenant, limited(tenant, in, size), nameOf(filename), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param contentLength the declared length, or -1; a larger one is refused before reading */
    UUID fromBody(UUID tenant, InputStream body, long contentLength, UploadOptions options) {
        return importer.importCsv(tenant, limited(tenant, body, contentLength), DEFAULT_NAME, options);
    }

    /** Refuses a declared size over either limit before reading, and counts the bytes against both. */
    private UploadStream limited(UUID tenant, InputStream in, long declaredBytes) {
        long quota = quotas.of(tenant).maxStorageBytes();
        long left = Math.max(0, quota - datasets.storedBytes(tenant));
        if (left < limitBytes) {
            if (declaredBytes > left) {
                throw DatasetProblems.overStorageQuota(quota, left);
            }
            return new UploadStream(in, left, () -> DatasetProblems.overStorageQuota(quota, left));
        }
        if (declaredBytes > limitBytes) {
            throw DatasetProblems.tooLarge(limitBytes);
        }
        return new UploadStream(in, limitBytes, () -> DatasetProblems.tooLarge(limitBytes));
    }

    /** {@code iris.csv} becomes {@code iris}. */
    private static String nameOf(String filename) {
        if (filename == null || filename.isBlank()) {
            return DEFAULT_NAME;
        }
        String base = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        return name.isBlank() ? DEFAULT_NAME : name;
    }
}
