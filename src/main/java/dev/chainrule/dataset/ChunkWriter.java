package dev.chainrule.dataset;

/** Where the second pass puts each finished chunk. */
@FunctionalInterface
interface ChunkWriter {

    void write(int columnIndex, int chunkIndex, int rowCount, byte[] data);
}
