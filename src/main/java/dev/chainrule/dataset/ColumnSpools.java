package dev.chainrule.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The temporary directory that holds, for each column of one import, the spools its profile
 * writes while the CSV streams by. Closing deletes everything.
 */
final class ColumnSpools implements AutoCloseable {

    /**
     * Names the process, so that whoever finds a leftover directory in a temporary folder shared by
     * several services knows whose it is.
     */
    static final String DIRECTORY_PREFIX = "chainrule-import-" + ProcessHandle.current().pid() + "-";

    /** Spool buffers share this much heap, within the bounds below each. */
    private static final int BUFFER_BUDGET_BYTES = 4 * 1024 * 1024;

    private final Path directory;
    private final List<IntSpool> spools = new ArrayList<>();
    private int bufferBytes = 64 * 1024;

    ColumnSpools() {
        try {
            directory = Files.createTempDirectory(DIRECTORY_PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Call once the column count is known, before creating spools. */
    void sizeFor(int columns) {
        bufferBytes = Math.max(4096, Math.min(64 * 1024, BUFFER_BUDGET_BYTES / Math.max(1, 2 * columns)));
    }

    IntSpool create(String name) {
        IntSpool spool = new IntSpool(directory.resolve(name), bufferBytes);
        spools.add(spool);
        return spool;
    }

    @Override
    public void close() {
        spools.forEach(IntSpool::close);
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
