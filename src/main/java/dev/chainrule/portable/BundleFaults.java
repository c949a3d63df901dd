package dev.chainrule.portable;

import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.FaultCollector;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.MalformedInputException;

/** Every fault of one bundle, each at its JSON pointer in the bundle, answered as one 422. */
final class BundleFaults {

    private final FaultCollector collector = new FaultCollector("invalid-bundle", "Invalid model bundle", "The bundle");

    void add(String pointer, String message) {
        collector.add(pointer, message);
    }

    /**
     * The faults another check found in one part of the bundle, moved under that part's pointer. A refusal
     * that is not about the input (a conflict, a missing record) is not the bundle's fault: it is rethrown.
     */
    void addNested(String prefix, DomainException refusal) {
        if (!(refusal instanceof InvalidInputException || refusal instanceof MalformedInputException)) {
            throw refusal;
        }
        if (refusal.faults().isEmpty()) {
            add(prefix, refusal.getMessage());
        }
        for (Fault fault : refusal.faults()) {
            add(prefix + (fault.pointer() == null ? "" : fault.pointer()), fault.message());
        }
    }

    int count() {
        return collector.count();
    }

    void throwIfAny() {
        collector.throwIfAny();
    }
}
