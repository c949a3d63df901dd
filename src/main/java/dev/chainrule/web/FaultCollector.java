package dev.chainrule.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every fault of one request body, so that a single 422 problem names them all. Only the
 * first {@value #MAX_REPORTED} are listed: enough to fix the body, where a matrix of the wrong width
 * would otherwise list every row.
 */
public final class FaultCollector {

    public static final int MAX_REPORTED = 50;

    private final String slug;
    private final String title;
    private final String subject;
    private final List<ProblemError> errors = new ArrayList<>();
    private int count;

    /** @param subject what the faults are in, for the detail line: "The model definition" */
    public FaultCollector(String slug, String title, String subject) {
        this.slug = slug;
        this.title = title;
        this.subject = subject;
    }

    public void add(String pointer, String message) {
        count++;
        if (errors.size() < MAX_REPORTED) {
            errors.add(ProblemError.atPointer(pointer, message));
        }
    }

    public int count() {
        return count;
    }

    public void throwIfAny() {
        if (count > 0) {
            throw ApiProblem.unprocessable(slug, title,
                    count == 1 ? errors.get(0).message() : subject + " has " + count + " faults.", errors);
        }
    }
}
