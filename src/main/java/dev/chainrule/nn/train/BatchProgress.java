package dev.chainrule.nn.train;

/** Progress inside an epoch: {@code epoch} from 1, {@code batch} from 1 of {@code batches}. */
public record BatchProgress(int epoch, int batch, int batches, long step, double batchLoss) {
}
