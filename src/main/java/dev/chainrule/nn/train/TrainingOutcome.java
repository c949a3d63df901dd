package dev.chainrule.nn.train;

/**
 * How training ended. {@code checkpoint} is a snapshot at the point where it ended (for STOPPED, the
 * batch boundary where the stop was seen, so that a resume continues exactly); {@code reason}
 * explains DIVERGED (a NaN or infinite loss) and is null otherwise.
 */
public record TrainingOutcome(Status status, int epochsCompleted, EpochMetrics lastEpoch, Integer bestEpoch,
        TrainerCheckpoint checkpoint, String reason) {

    public enum Status {
        COMPLETED, EARLY_STOPPED, STOPPED, DIVERGED
    }
}
