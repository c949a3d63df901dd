package dev.chainrule.fault;

import java.util.List;

/**
 * The input was read but cannot be used: a model definition that breaks a rule, a file that cannot
 * become a dataset, a model and dataset that do not fit. Each fault names where it is.
 */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String code, String title, String detail, List<Fault> faults) {
        super(code, title, detail, faults);
    }
}
