package dev.chainrule.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.InputStreamSource;

/**
 * A raw request body copied to a temporary file, so that it can be read twice without holding it in
 * memory. Copying stops as soon as the body passes the limit. Closing deletes the file.
 */
final class SpooledBody implements InputStreamSource, AutoCloseable {

    private static final int BUFFER_BYTES = 256 * 1024;

    private final Path file;
    private final long size;

    private SpooledBody(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    static SpooledBody copy(InputStream body, long limitBytes) throws IOException {
        Path file = Files.createTempFile("chainrule-upload-", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            long size = 0;
            int read;
            while ((read = body.read(buffer)) >= 0) {
                size += read;
                if (size > limitBytes) {
                    throw DatasetProblems.tooLarge(limitBytes);
                }
                out.write(buffer, 0, read);
            }
            return new SpooledBody(file, size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    long size() {
        return size;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
