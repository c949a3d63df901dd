package dev.chainrule.job;

import java.util.Locale;

/**
 * Where a job's model came from: trained here from a dataset, or imported as a finished model from a
 * portable bundle (it has no dataset and never runs).
 */
public enum JobKind {
    TRAINED, IMPORTED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
