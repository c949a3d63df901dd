package dev.chainrule.portable.onnx;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A node attribute ({@code AttributeProto}) with its type discriminator, as IR version 2 and later require. */
final class OnnxAttribute {

    // AttributeProto field numbers
    private static final int NAME = 1;
    private static final int F = 2;
    private static final int I = 3;
    private static final int INTS = 8;
    private static final int STRINGS = 9;
    private static final int TYPE = 20;
    // AttributeProto.AttributeType values
    private static final int FLOAT = 1;
    private static final int INT = 2;
    private static final int INTS_TYPE = 7;
    private static final int STRINGS_TYPE = 8;

    private final ProtoMessage message;

    private OnnxAttribute(String name, int type) {
        this.message = new ProtoMessage().string(NAME, name).int32(TYPE, type);
    }

    static OnnxAttribute of(String name, float value) {
        OnnxAttribute attribute = new OnnxAttribute(name, FLOAT);
        attribute.message.float32(F, value);
        return attribute;
    }

    static OnnxAttribute of(String name, long value) {
        OnnxAttribute attribute = new OnnxAttribute(name, INT);
        attribute.message.int64(I, value);
        return attribute;
    }

    static OnnxAttribute ints(String name, long... values) {
        OnnxAttribute attribute = new OnnxAttribute(name, INTS_TYPE);
        for (long value : values) {
            attribute.message.int64(INTS, value);
        }
        return attribute;
    }

    static OnnxAttribute strings(String name, List<String> values) {
        OnnxAttribute attribute = new OnnxAttribute(name, STRINGS_TYPE);
        for (String value : values) {
            attribute.message.bytes(STRINGS, value.getBytes(StandardCharsets.UTF_8));
        }
        return attribute;
    }

    ProtoMessage message() {
        return message;
    }
}
