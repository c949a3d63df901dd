package dev.chainrule.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A job's life: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED (RUNNING → QUEUED at shutdown). */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JobStatus> fromJsonName(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName().equals(name)).findFirst();
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
