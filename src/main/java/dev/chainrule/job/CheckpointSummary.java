package dev.chainrule.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A checkpoint's row without its trainer state: what listing and retention need, so that neither
 * reads the parameter-sized state of every stored checkpoint.
 */
record CheckpointSummary(UUID id, int epoch, int batch, Instant createdAt, boolean best, Double score, StoredMetrics metrics) {
}
