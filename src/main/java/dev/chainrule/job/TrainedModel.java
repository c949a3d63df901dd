package dev.chainrule.job;

import java.util.UUID;

import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.nn.Network;

/**
 * A job's trained network with the preprocessing it was trained under. {@code version} changes
 * whenever the job's trained parameters change, so caches can key on (jobId, version).
 */
public record TrainedModel(UUID jobId, long version, Network network, Preprocessing preprocessing) {
}
