package dev.chainrule.fault;

import java.time.Duration;

/** A tenant has used up a quota (requests per minute, active jobs); it may try again after {@code retryAfter}. */
public class QuotaExceededException extends UnavailableException {

    public QuotaExceededException(String code, String title, String detail, Duration retryAfter) {
        super(code, title, detail, retryAfter);
    }
}
