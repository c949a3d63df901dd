package dev.chainrule.portable.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Constant tensors ({@code TensorProto}): numbers as little-endian {@code raw_data}, strings as
 * {@code string_data}, as {@code onnx.proto} requires.
 */
final class TensorProtos {

    // TensorProto field numbers
    private static final int DIMS = 1;
    private static final int DATA_TYPE = 2;
    private static final int STRING_DATA = 6;
    private static final int NAME = 8;
    private static final int RAW_DATA = 9;

    private TensorProtos() {
    }

    /** Real numbers as {@link ElementType#FLOAT} (rounded once, to nearest) or {@link ElementType#DOUBLE}. */
    static ProtoMessage reals(String name, ElementType type, long[] dims, double[] values) {
        ByteBuffer raw;
        if (type == ElementType.FLOAT) {
            raw = buffer(values.length * Float.BYTES);
            for (double value : values) {
                raw.putFloat((float) value);
            }
        } else if (type == ElementType.DOUBLE) {
            raw = buffer(values.length * Double.BYTES);
            for (double value : values) {
                raw.putDouble(value);
            }
        } else {
            throw new IllegalArgumentException("not a real type: " + type);
        }
        return header(name, type, dims).bytes(RAW_DATA, raw.array());
    }

    static ProtoMessage int64s(String name, long[] dims, long[] values) {
        ByteBuffer raw = buffer(values.length * Long.BYTES);
        for (long value : values) {
            raw.putLong(value);
        }
        return header(name, ElementType.INT64, dims).bytes(RAW_DATA, raw.array());
    }

    static ProtoMessage strings(String name, long[] dims, List<String> values) {
        ProtoMessage tensor = header(name, ElementType.STRING, dims);
        for (String value : values) {
            tensor.bytes(STRING_DATA, value.getBytes(StandardCharsets.UTF_8));
        }
        return tensor;
    }

    private static ProtoMessage header(String name, ElementType type, long[] dims) {
        ProtoMessage tensor = new ProtoMessage();
        for (long dim : dims) {
            tensor.int64(DIMS, dim);
        }
        return tensor.int32(DATA_TYPE, type.code()).string(NAME, name);
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
