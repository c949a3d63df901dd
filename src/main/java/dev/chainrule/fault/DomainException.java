package dev.chainrule.fault;

import java.util.List;

/**
 * Why the service refuses what it was asked, in its own terms: a stable {@code code} (such as
 * {@code invalid-model}), a short title, the detail as the message, and the faults it found. The
 * subclass says what kind of refusal it is; how that reaches a client is the web layer's business.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final String title;
    private final List<Fault> faults;

    protected DomainException(String code, String title, String detail, List<Fault> faults) {
        super(detail);
        this.code = code;
        this.title = title;
        this.faults = List.copyOf(faults);
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Fault> faults() {
        return faults;
    }

    /** The detail of a refusal listing {@code faults}: the fault itself when there is one. */
    public static String summary(List<Fault> faults, String many) {
        return faults.size() == 1 ? faults.get(0).message() : many;
    }
}
