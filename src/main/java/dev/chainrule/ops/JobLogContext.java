package dev.chainrule.ops;

import org.slf4j.MDC;

/**
 * Puts the job id into the logging context, so that every line logged about a job carries it
 * (the log pattern prints {@code job=<id>}):
 * {@code try (var ignored = JobLogContext.forJob(id)) { ... }}. MDC is per thread: open it on the
 * thread that does the job's work.
 */
public final class JobLogContext {

    public static final String KEY = "jobId";

    private JobLogContext() {
    }

    public static MDC.MDCCloseable forJob(Object jobId) {
        return MDC.putCloseable(KEY, String.valueOf(jobId));
    }
}
