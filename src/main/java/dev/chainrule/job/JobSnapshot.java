package dev.chainrule.job;

import java.util.UUID;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * A job at one epoch: what it was trained from (model, dataset, the preprocessing fitted at its
 * creation, precision, seed and update rule) and its flat parameter vector after that epoch, or null
 * for epoch 0 (the model's initial parameters).
 */
public record JobSnapshot(UUID jobId, UUID modelId, UUID datasetId, int epoch, Preprocessing preprocessing,
        Precision precision, long seed, OptimizerSpec optimizer, INDArray parameters) {
}
