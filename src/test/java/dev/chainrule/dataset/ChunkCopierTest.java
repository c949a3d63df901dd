package dev.chainrule.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkCopierTest {

    /** Two chunks fill a batch, so five chunks (the last one short) arrive as batches of 2, 2 and 1. */
    private static final int CHUNK_ROWS = ChunkCopier.BATCH_BYTES / Integer.BYTES / 2;
    private static final int ROWS = 4 * CHUNK_ROWS + 3;

    record Batch(int column, int firstChunk, List<byte[]> chunks) {
    }

    @Test
    void numericSpoolArrivesInBoundedBatchesWithConsecutiveChunkIndices() {
        List<Batch> batches = new ArrayList<>();
        try (ColumnSpools spools = new ColumnSpools()) {
            ColumnProfile profile = new ColumnProfile("x", 10, spools.create("n"), spools.create("c"));
            for (int row = 0; row < ROWS; row++) {
                profile.accept(Integer.toString(row), row + 1);
            }
            ColumnPlan plan = new ColumnPlan(3, "x", ColumnType.NUMERIC, 0, profile.summary(), List.of(), null);
            ChunkCopier.copy(profile, plan, ROWS, CHUNK_ROWS,
                    (column, first, chunks) -> batches.add(new Batch(column, first, chunks)));
        }

        assertThat(batches).extracting(Batch::firstChunk).containsExactly(0, 2, 4);
        assertThat(batches).extracting(batch -> batch.chunks().size()).containsExactly(2, 2, 1);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.column()).isEqualTo(3));
        float[] values = new float[ROWS];
        int at = 0;
        for (Batch batch : batches) {
            for (byte[] chunk : batch.chunks()) {
                int count = chunk.length / Float.BYTES;
                ChunkCodec.decodeFloats(chunk, 0, count, values, at);
                at += count;
            }
        }
        assertThat(at).isEqualTo(ROWS);
        for (int row = 0; row < ROWS; row += 9_973) {
            assertThat(values[row]).isEqualTo((float) row);
        }
        assertThat(values[ROWS - 1]).isEqualTo((float) (ROWS - 1));
    }
}
