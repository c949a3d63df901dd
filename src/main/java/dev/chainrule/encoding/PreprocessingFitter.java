package dev.chainrule.encoding;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.nn.Loss;

/** Fits a {@link Preprocessing} on a job's training rows; the encoding feature fills it in. */
public final class PreprocessingFitter {

    private PreprocessingFitter() {
    }

    public static Preprocessing fit(DatasetData data, int[] trainRows, boolean standardize, Loss loss) {
        throw new IllegalStateException("fitting arrives with the encoding feature");
    }
}
