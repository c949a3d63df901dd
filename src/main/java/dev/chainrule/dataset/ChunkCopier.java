package dev.chainrule.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * Moves each column's spool into stored chunks, column after column: float32 spools as they are,
 * code spools with each provisional code replaced by its final one. Memory holds one chunk.
 */
final class ChunkCopier {

    private ChunkCopier() {
    }

    static void copy(CsvProfile profile, DatasetPlan plan, int chunkRows, ChunkWriter writer) {
        for (ColumnPlan column : plan.columns()) {
            ColumnProfile source = profile.columns().get(column.index());
            try (IntSpool spool = column.storedAsCodes() ? source.codes() : source.numbers()) {
                int chunk = 0;
                for (int start = 0; start < plan.rows(); start += chunkRows) {
                    int count = Math.min(chunkRows, plan.rows() - start);
                    byte[] data = spool.read(count);
                    if (column.storedAsCodes()) {
                        recode(data, column);
                    }
                    writer.write(column.index(), chunk++, count, data);
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
