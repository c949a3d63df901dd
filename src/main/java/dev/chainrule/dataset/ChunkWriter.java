package dev.chainrule.dataset;

import java.util.List;

/** Where the second pass puts finished chunks, several at a time so that a store can batch them. */
@FunctionalInterface
interface ChunkWriter {

    /**
     * @param firstChunkIndex the index of {@code chunks.get(0)}; the others follow in order
     * @param chunks little-endian 32-bit values, so each holds {@code length / 4} rows
     */
    void write(int columnIndex, int firstChunkIndex, List<byte[]> chunks);
}
