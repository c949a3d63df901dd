package dev.chainrule.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One named parameter tensor of a layer ({@code weights}, {@code bias}, …): a [rows, columns] window
 * onto the network's flat parameter vector and the same window onto its gradient vector. Both are
 * live: writing {@link #value()} changes the network, and {@link #gradient()} holds dL/dθ of the last
 * training pass. {@code penalized} parameters take part in the L2 term of the loss.
 */
public final class Parameter {

    private final String name;
    private final long rows;
    private final long columns;
    private final boolean penalized;
    private final long offset;
    private INDArray value;
    private INDArray gradient;

    Parameter(String name, long rows, long columns, boolean penalized, long offset) {
        this.name = name;
        this.rows = rows;
        this.columns = columns;
        this.penalized = penalized;
        this.offset = offset;
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    public INDArray gradient() {
        return gradient;
    }

    public long rows() {
        return rows;
    }

    public long columns() {
        return columns;
    }

    boolean penalized() {
        return penalized;
    }

    /** Where this parameter starts in its flat vector. */
    public long offset() {
        return offset;
    }

    long length() {
        return rows * columns;
    }

    void bind(INDArray value, INDArray gradient) {
        this.value = value;
        this.gradient = gradient;
    }
}
