package dev.chainrule.nn.kernel.reference;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.optim.FlatOptimizer;

/** An update rule as whole-vector ND4J ops, its buffers kept as arrays in the training type. */
abstract class Nd4jOptimizer extends FlatOptimizer {

    private final List<INDArray> buffers = new ArrayList<>();

    Nd4jOptimizer(int bufferCount, long size, DataType dataType) {
        for (int i = 0; i < bufferCount; i++) {
            buffers.add(Nd4j.zeros(dataType, size));
        }
    }

    INDArray buffer(int index) {
        return buffers.get(index);
    }

    /** {@code g + weightDecay·p} (PyTorch's coupled weight decay), as a new array. */
    static INDArray decayed(INDArray gradients, INDArray parameters, double weightDecay) {
        return weightDecay == 0 ? gradients.dup() : gradients.add(parameters.mul(weightDecay));
    }

    @Override
    protected final List<INDArray> exportBuffers() {
        List<INDArray> copies = new ArrayList<>();
        for (INDArray buffer : buffers) {
            copies.add(buffer.dup());
        }
        return copies;
    }

    @Override
    protected final void importBuffers(List<INDArray> sources) {
        for (int i = 0; i < buffers.size(); i++) {
            INDArray buffer = buffers.get(i);
            INDArray source = sources.get(i);
            checkLength(source, buffer.length());
            buffer.assign(source.castTo(buffer.dataType()).reshape(buffer.shape()));
        }
    }

    @Override
    protected final int bufferCount() {
        return buffers.size();
    }
}
