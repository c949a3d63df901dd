package dev.chainrule.fault;

import java.util.List;
import java.util.Locale;

/** There is no {@code kind} (a model, a dataset, a job) with this id. */
public class NotFoundException extends DomainException {

    private final String kind;
    private final Object id;

    public NotFoundException(String kind, Object id) {
        super("not-found", kind + " not found", "No " + kind.toLowerCase(Locale.ROOT) + " with id " + id + ".",
                List.of());
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public Object id() {
        return id;
    }
}
