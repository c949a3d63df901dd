package dev.chainrule.nn.optim;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Steps taken so far and the optimizer's buffers (flat, laid out like the parameters). */
public record OptimizerState(long steps, List<INDArray> buffers) {

    public OptimizerState {
        buffers = List.copyOf(buffers);
    }
}
