package dev.chainrule.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * All parameters of a network in one flat vector, and their gradients in a second one of the same
 * layout; layers see them through matrix views. An optimizer step, zeroing the gradients or taking
 * a checkpoint is then a handful of whole-vector operations.
 */
final class ParameterBuffer {

    private final INDArray parameters;
    private final INDArray gradients;

    ParameterBuffer(long size, DataType dataType) {
        this.parameters = Nd4j.zeros(dataType, size);
        this.gradients = Nd4j.zeros(dataType, size);
    }

    INDArray parameters() {
        return parameters;
    }

    INDArray gradients() {
        return gradients;
    }

    INDArray parameterView(long offset, long rows, long columns) {
        return view(parameters, offset, rows, columns);
    }

    INDArray gradientView(long offset, long rows, long columns) {
        return view(gradients, offset, rows, columns);
    }

    /** A row-major [rows, columns] window onto {@code flat} that shares its memory. */
    private static INDArray view(INDArray flat, long offset, long rows, long columns) {
        return Nd4j.create(flat.data(), new long[] {rows, columns}, new long[] {columns, 1}, offset, 'c',
                flat.dataType());
    }
}
