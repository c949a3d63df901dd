package dev.chainrule.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The binary layout of a chunk: little-endian float32 values or int32 codes, nothing else. */
final class ChunkCodec {

    private ChunkCodec() {
    }

    static byte[] encodeFloats(float[] values, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values, 0, count);
        return buffer.array();
    }

    static byte[] encodeInts(int[] values, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(count * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values, 0, count);
        return buffer.array();
    }

    /** Copies values {@code [from, from+count)} of a chunk into {@code target} at {@code at}. */
    static void decodeFloats(byte[] data, int from, int count, float[] target, int at) {
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().position(from).get(target, at, count);
    }

    static void decodeInts(byte[] data, int from, int count, int[] target, int at) {
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().position(from).get(target, at, count);
    }
}
