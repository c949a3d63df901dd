package dev.chainrule.fault;

import java.util.List;

/** The request is sound but the state of what it names forbids it now (a job that already finished). */
public class ConflictException extends DomainException {

    public ConflictException(String code, String title, String detail) {
        this(code, title, detail, List.of());
    }

    public ConflictException(String code, String title, String detail, List<Fault> faults) {
        super(code, title, detail, faults);
    }
}
