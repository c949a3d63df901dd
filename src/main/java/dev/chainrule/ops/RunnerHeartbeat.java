package dev.chainrule.ops;

import java.time.Instant;

/**
 * What the job runner tells health about itself. The runner implements it; without an
 * implementation the service still starts and health reports the runner as UNKNOWN.
 */
public interface RunnerHeartbeat {

    /** False when this instance was configured not to train (an API-only instance). */
    boolean enabled();

    /** When the runner last finished a poll for work, or null before its first poll. */
    Instant lastPoll();
}
