package dev.chainrule.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * All parameters of a network in one flat vector, and their gradients in a second one of the same
 * layout; layers see them through matrix views. An optimizer step, a checkpoint or a gradient check
 * is then a handful of whole-vector operations.
 *
 * <p>Layers {@link #declare} their parameters while the network is built, in order (so a block's
 * inner layers come in the order they run); {@link #allocate} then creates both vectors and gives
 * every declared parameter its views. The views are never replaced afterwards, which is what lets
 * kernels keep their native pointers.
 *
 * <p>Non-trainable state (batch normalization's running statistics) is {@link #declareState declared}
 * into a third flat vector without gradients, so that no optimizer ever touches it; checkpoints carry
 * it beside the parameters.
 */
final class ParameterBuffer {

    private final List<Parameter> declared = new ArrayList<>();
    private final List<Parameter> declaredState = new ArrayList<>();
    private long size;
    private long stateSize;
    private INDArray parameters;
    private INDArray gradients;
    private INDArray state;

    Parameter declare(String name, long rows, long columns, boolean penalized) {
        if (parameters != null) {
            throw new IllegalStateException("parameters are already allocated");
        }
        Parameter parameter = new Parameter(name, rows, columns, penalized, size);
        size += parameter.length();
        declared.add(parameter);
        return parameter;
    }

    /** A [rows, columns] window onto the state vector, with no gradient. */
    Parameter declareState(String name, long rows, long columns) {
        if (parameters != null) {
            throw new IllegalStateException("parameters are already allocated");
        }
        Parameter parameter = new Parameter(name, rows, columns, false, stateSize);
        stateSize += parameter.length();
        declaredState.add(parameter);
        return parameter;
    }

    void allocate(DataType dataType) {
        parameters = Nd4j.zeros(dataType, size);
        gradients = Nd4j.zeros(dataType, size);
        for (Parameter p : declared) {
            p.bind(view(parameters, p), view(gradients, p));
        }
        if (stateSize > 0) {
            state = Nd4j.zeros(dataType, stateSize);
            for (Parameter p : declaredState) {
                p.bind(view(state, p), null);
            }
        }
    }

    /** The state vector, or null when no layer declared state. */
    INDArray state() {
        return state;
    }

    INDArray parameters() {
        return parameters;
    }

    INDArray gradients() {
        return gradients;
    }

    /** Every declared parameter, in the order of the flat vectors. */
    List<Parameter> all() {
        return List.copyOf(declared);
    }

    /** A row-major [rows, columns] window onto {@code flat} that shares its memory. */
    private static INDArray view(INDArray flat, Parameter p) {
        return Nd4j.create(flat.data(), new long[] {p.rows(), p.columns()}, new long[] {p.columns(), 1}, p.offset(),
                'c', flat.dataType());
    }
}
