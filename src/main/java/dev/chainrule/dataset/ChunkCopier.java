package dev.chainrule.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * Moves a column's spool into stored chunks: a float32 spool as it is, a code spool with each
 * provisional code replaced by its final one. Memory holds one chunk.
 */
final class ChunkCopier {

    private ChunkCopier() {
    }

    static void copy(ColumnProfile source, ColumnPlan column, int rows, int chunkRows, ChunkWriter writer) {
        try (IntSpool spool = column.storedAsCodes() ? source.codes() : source.numbers()) {
            int chunk = 0;
            for (int start = 0; start < rows; start += chunkRows) {
                int count = Math.min(chunkRows, rows - start);
                byte[] data = spool.read(count);
                if (column.storedAsCodes()) {
                    recode(data, column);
                }
                writer.write(column.index(), chunk++, count, data);
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
