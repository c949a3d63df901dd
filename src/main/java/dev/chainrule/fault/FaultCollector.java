package dev.chainrule.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every fault of one input, so that a single {@link InvalidInputException} names them all.
 * Only the first {@value #MAX_REPORTED} are listed: enough to fix the input, where a matrix of the
 * wrong width would otherwise list every row.
 */
public final class FaultCollector {

    public static final int MAX_REPORTED = 50;

    private final String code;
    private final String title;
    private final String subject;
    private final List<Fault> faults = new ArrayList<>();
    private int count;

    /** @param subject what the faults are in, for the detail line: "The model definition" */
    public FaultCollector(String code, String title, String subject) {
        this.code = code;
        this.title = title;
        this.subject = subject;
    }

    public void add(String pointer, String message) {
        count++;
        if (faults.size() < MAX_REPORTED) {
            faults.add(Fault.atPointer(pointer, message));
        }
    }

    public int count() {
        return count;
    }

    public void throwIfAny() {
        if (count > 0) {
            throw new InvalidInputException(code, title,
                    count == 1 ? faults.get(0).message() : subject + " has " + count + " faults.", faults);
        }
    }
}
