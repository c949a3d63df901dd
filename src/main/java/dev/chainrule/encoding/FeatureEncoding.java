package dev.chainrule.encoding;

import java.util.List;

/**
 * How one dataset column becomes one or more network inputs. Encodings are fitted on a job's training
 * rows and then applied unchanged, so a prediction sees exactly the scaling the network was trained on.
 * Public so that exports (a portable bundle, an ONNX graph) can carry the fitted statistics.
 */
public sealed interface FeatureEncoding permits FeatureEncoding.Numeric, FeatureEncoding.Categorical {

    String name();

    /** Number of network inputs this column occupies. */
    int width();

    /**
     * A numeric column: a missing value becomes the training mean; with {@code standardize} the value is
     * then z-scored with the training rows' mean and population standard deviation ({@code std} is 1 when
     * the training rows do not vary, so a constant column encodes as 0 instead of dividing by zero).
     */
    record Numeric(String name, double mean, double std, boolean standardize) implements FeatureEncoding {

        @Override
        public int width() {
            return 1;
        }

        double encode(double raw) {
            double value = Double.isNaN(raw) ? mean : raw;
            return standardize ? (value - mean) / std : value;
        }
    }

    /**
     * A categorical column: one-hot over the dictionary the training dataset had (the missing category
     * included when the dataset had one). A category outside that dictionary encodes as all zeros: the
     * network then sees "none of the known categories", which is the honest input for an unseen value.
     */
    record Categorical(String name, List<String> categories) implements FeatureEncoding {

        public Categorical {
            categories = List.copyOf(categories);
        }

        @Override
        public int width() {
            return categories.size();
        }

        /** The one-hot position of {@code category}, or -1 when training never saw it. */
        int indexOf(String category) {
            return categories.indexOf(category);
        }
    }
}
