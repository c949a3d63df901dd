package dev.chainrule.portable.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.protobuf.CodedOutputStream;

/**
 * One protobuf message in its wire form, written field by field. ONNX needs only a few message types,
 * and their field numbers have been stable since 2017 ({@code onnx.proto}), so they are written by hand
 * instead of compiling the schema; each caller names its fields by constants that cite it.
 */
final class ProtoMessage {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

    ProtoMessage string(int field, String value) {
        return write(() -> out.writeString(field, value));
    }

    ProtoMessage bytes(int field, byte[] value) {
        return write(() -> out.writeByteArray(field, value));
    }

    ProtoMessage int64(int field, long value) {
        return write(() -> out.writeInt64(field, value));
    }

    ProtoMessage int32(int field, int value) {
        return write(() -> out.writeInt32(field, value));
    }

    ProtoMessage float32(int field, float value) {
        return write(() -> out.writeFloat(field, value));
    }

    ProtoMessage message(int field, ProtoMessage value) {
        return write(() -> out.writeByteArray(field, value.toByteArray()));
    }

    byte[] toByteArray() {
        write(out::flush);
        return buffer.toByteArray();
    }

    private ProtoMessage write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; this would be a bug in the encoder.
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }
}
