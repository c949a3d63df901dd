package dev.chainrule.portable.onnx;

/** The tensor element types the export uses, with their {@code TensorProto.DataType} codes. */
enum ElementType {
    FLOAT(1), INT64(7), STRING(8), BOOL(9), DOUBLE(11);

    private final int code;

    ElementType(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
