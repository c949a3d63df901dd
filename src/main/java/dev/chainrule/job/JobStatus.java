package dev.chainrule.job;

import java.util.Optional;

import dev.chainrule.nn.JsonNamed;

/** A job's life: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED (RUNNING → QUEUED at shutdown). */
public enum JobStatus implements JsonNamed {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public static Optional<JobStatus> fromJsonName(String name) {
        return JsonNamed.fromJsonName(JobStatus.class, name);
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
