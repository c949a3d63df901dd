package dev.chainrule.nn.optim;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The flat buffers an optimizer keeps, with exact export and import. */
final class StateBuffers {

    private final List<INDArray> buffers = new ArrayList<>();
    private long steps;

    StateBuffers(int count, long size, DataType dataType) {
        for (int i = 0; i < count; i++) {
            buffers.add(Nd4j.zeros(dataType, size));
        }
    }

    INDArray get(int index) {
        return buffers.get(index);
    }

    long steps() {
        return steps;
    }

    /** Counts a step and returns its number, from 1. */
    long advance() {
        return ++steps;
    }

    OptimizerState export() {
        return new OptimizerState(steps, buffers.stream().map(INDArray::dup).toList());
    }

    void restore(OptimizerState state) {
        if (state.buffers().size() != buffers.size()) {
            throw new IllegalArgumentException("optimizer state has " + state.buffers().size()
                    + " buffers, expected " + buffers.size());
        }
        for (int i = 0; i < buffers.size(); i++) {
            INDArray source = state.buffers().get(i);
            if (source.length() != buffers.get(i).length()) {
                throw new IllegalArgumentException("optimizer buffer " + i + " has " + source.length()
                        + " values, expected " + buffers.get(i).length());
            }
            buffers.get(i).assign(source.reshape(buffers.get(i).shape()));
        }
        steps = state.steps();
    }
}
