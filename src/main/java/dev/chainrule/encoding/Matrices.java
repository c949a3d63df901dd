package dev.chainrule.encoding;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.Precision;

/** Builds row-major [rows, columns] matrices in the job's precision. */
final class Matrices {

    private Matrices() {
    }

    static INDArray of(double[] rowMajor, int rows, int columns, Precision precision) {
        DataType type = precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
        return Nd4j.create(rowMajor, new long[] {rows, columns}, type);
    }
}
