package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An exact snapshot of training: parameters, optimizer state, the trainer's position (epochs and
 * batches done, the partial epoch's loss sum) and early-stopping state, encoded by the trainer.
 * Resuming from it continues bit for bit as if training had never stopped. {@code epochsCompleted}
 * and {@code batchesIntoEpoch} are exposed so that callers can label what they store.
 */
public record TrainerCheckpoint(int epochsCompleted, int batchesIntoEpoch, byte[] payload) {

    /** The flat parameter vector stored in this checkpoint, in the precision it was trained in. */
    public INDArray parameters() {
        return CheckpointCodec.decode(this).parameters();
    }
}
