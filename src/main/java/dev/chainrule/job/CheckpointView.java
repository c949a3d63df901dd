package dev.chainrule.job;

import java.time.Instant;

import jakarta.annotation.Nullable;

/**
 * A stored checkpoint: {@code epoch} epochs done plus {@code batch} batches of the next (non-zero
 * only for a snapshot taken at shutdown, which has no metrics).
 */
public record CheckpointView(int epoch, int batch, Instant createdAt, @Nullable MetricsView metrics, boolean best) {

    static CheckpointView of(CheckpointSummary c) {
        return new CheckpointView(c.epoch(), c.batch(), c.createdAt(), MetricsView.of(c.metrics()), c.best());
    }
}
