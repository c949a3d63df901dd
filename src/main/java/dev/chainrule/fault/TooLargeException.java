package dev.chainrule.fault;

import java.util.List;

/** The input exceeds a configured limit (an upload's size, the instances of one request). */
public class TooLargeException extends DomainException {

    public TooLargeException(String code, String title, String detail, List<Fault> faults) {
        super(code, title, detail, faults);
    }
}
