package dev.chainrule.portable;

import org.springframework.http.HttpStatus;

import dev.chainrule.web.ApiProblem;
import dev.chainrule.web.FaultCollector;
import dev.chainrule.web.ProblemError;

/** Every fault of one bundle, each at its JSON pointer in the bundle, answered as one 422. */
final class BundleFaults {

    private final FaultCollector collector = new FaultCollector("invalid-bundle", "Invalid model bundle", "The bundle");

    void add(String pointer, String message) {
        collector.add(pointer, message);
    }

    /** The faults another check found in one part of the bundle, moved under that part's pointer. */
    void addNested(String prefix, ApiProblem problem) {
        if (problem.status() != HttpStatus.UNPROCESSABLE_CONTENT && problem.status() != HttpStatus.BAD_REQUEST) {
            throw problem;
        }
        if (problem.errors().isEmpty()) {
            add(prefix, problem.getMessage());
        }
        for (ProblemError error : problem.errors()) {
            add(prefix + (error.pointer() == null ? "" : error.pointer()), error.message());
        }
    }

    int count() {
        return collector.count();
    }

    void throwIfAny() {
        collector.throwIfAny();
    }
}
