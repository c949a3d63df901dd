package dev.chainrule.fault;

import java.util.List;

/**
 * The request itself is malformed: an unknown name, a value out of its range, a parameter of the
 * wrong form. Each fault names the field or pointer at fault.
 */
public class MalformedInputException extends DomainException {

    public MalformedInputException(String code, String title, String detail, List<Fault> faults) {
        super(code, title, detail, faults);
    }

    /** A query or form parameter with a value it cannot have. */
    public static MalformedInputException parameter(String field, String message) {
        return new MalformedInputException("invalid-parameter", "Invalid parameter", message,
                List.of(Fault.atField(field, message)));
    }
}
