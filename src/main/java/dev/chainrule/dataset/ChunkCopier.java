package dev.chainrule.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a column's spool into stored chunks: a float32 spool as it is, a code spool with each
 * provisional code replaced by its final one. Chunks go to the writer in groups of about
 * {@link #BATCH_BYTES}, which bounds the heap an upload needs however long the column is.
 */
final class ChunkCopier {

    /** Large enough that a batch insert pays its round trip rarely, small beside a 512 MB heap. */
    static final int BATCH_BYTES = 4 * 1024 * 1024;

    private ChunkCopier() {
    }

    static void copy(ColumnProfile source, ColumnPlan column, int rows, int chunkRows, ChunkWriter writer) {
        int chunksPerBatch = Math.max(1, BATCH_BYTES / (chunkRows * Integer.BYTES));
        try (IntSpool spool = column.storedAsCodes() ? source.codes() : source.numbers()) {
            List<byte[]> batch = new ArrayList<>(chunksPerBatch);
            int firstChunk = 0;
            for (int start = 0; start < rows; start += chunkRows) {
                byte[] data = spool.read(Math.min(chunkRows, rows - start));
                if (column.storedAsCodes()) {
                    recode(data, column);
                }
                batch.add(data);
                if (batch.size() == chunksPerBatch || start + chunkRows >= rows) {
                    writer.write(column.index(), firstChunk, List.copyOf(batch));
                    firstChunk += batch.size();
                    batch.clear();
                }
            }
        }
    }

    private static void recode(byte[] data, ColumnPlan column) {
        IntBuffer codes = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int[] finalCode = column.finalCodes();
        int missingCode = column.missingCode();
        for (int i = 0; i < codes.limit(); i++) {
            int provisional = codes.get(i);
            codes.put(i, provisional == ColumnProfile.MISSING_CODE ? missingCode : finalCode[provisional]);
        }
    }
}
