package dev.chainrule.fault;

import java.time.Duration;
import java.util.List;

/** The service is sound but cannot take this request now; the client may try again after {@code retryAfter}. */
public class UnavailableException extends DomainException {

    private final Duration retryAfter;

    public UnavailableException(String code, String title, String detail, Duration retryAfter) {
        super(code, title, detail, List.of());
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
