package dev.chainrule.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** Accepts the two upload forms and enforces the size limit on both. */
@Service
class DatasetUploads {

    private static final String DEFAULT_NAME = "dataset";

    private final DatasetImporter importer;
    private final long limitBytes;

    DatasetUploads(DatasetImporter importer, DatasetProperties properties) {
        this.importer = importer;
        this.limitBytes = properties.maxUploadSize().toBytes();
    }

    /**
     * An uploaded file of {@code size} bytes, named after {@code filename} unless the options name it.
     * Closes {@code content}.
     */
    UUID fromFile(InputStream content, long size, String filename, UploadOptions options) {
        try (InputStream in = content) {
            if (size > limitBytes) {
                throw DatasetProblems.tooLarge(limitBytes);
            }
            return importer.importCsv(new UploadStream(in, limitBytes), nameOf(filename), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param contentLength the declared length, or -1; a larger one is refused before reading */
    UUID fromBody(InputStream body, long contentLength, UploadOptions options) {
        if (contentLength > limitBytes) {
            throw DatasetProblems.tooLarge(limitBytes);
        }
        return importer.importCsv(new UploadStream(body, limitBytes), DEFAULT_NAME, options);
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
