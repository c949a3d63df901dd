package dev.chainrule.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.encoding.FeatureEncoding;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.TargetEncoding;
import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;

/**
 * A fork trains under its parent's preprocessing, since the parent's weights were learned on inputs
 * encoded that way. So its dataset must have the parent's schema and encoding (columns, their kinds and
 * categories, the classes), and options that would change the encoding or the restored state must stay.
 */
final class ForkCompatibility {

    private ForkCompatibility() {
    }

    static void check(JobForks.Fork fork, DatasetData data, JobOptions options) {
        List<Fault> faults = new ArrayList<>();
        schema(fork.preprocessing(), data).ifPresent(difference -> faults.add(Fault.atPointer("/datasetId",
                "Dataset '" + data.name() + "' does not have the parent's schema and encoding: " + difference + ".")));
        JobOptions parent = fork.parentOptions();
        if (options.standardize() != parent.standardize()) {
            faults.add(Fault.atPointer("/standardize", "A fork keeps its parent's encoding (standardize "
                    + parent.standardize() + ")."));
        }
        if (fork.restore() == ForkRequest.Restore.ALL) {
            if (options.optimizer().getClass() != parent.optimizer().getClass()) {
                faults.add(Fault.atPointer("/optimizer/type", "restore 'all' continues the parent's optimizer state, "
                        + "so the optimizer stays " + parent.optimizer().getClass().getSimpleName().toLowerCase(Locale.ROOT) + "; use restore 'weights' to change it."));
            }
            if (!options.dtype().equals(parent.dtype())) {
                faults.add(Fault.atPointer("/dtype", "restore 'all' continues the parent's " + parent.dtype()
                        + " state; use restore 'weights' to change the dtype."));
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidInputException("incompatible-fork", "Fork does not fit its parent",
                    DomainException.summary(faults, "The fork has " + faults.size() + " differences from its parent."),
                    faults);
        }
    }

    /** The first difference between the parent's encoding and the dataset, if any. */
    private static Optional<String> schema(Preprocessing parent, DatasetData data) {
        if (parent.task() != data.task()) {
            return Optional.of("its task is " + data.task().jsonName() + ", the parent's "
                    + parent.task().jsonName());
        }
        List<String> names = data.features().stream().map(FeatureColumn::name).toList();
        if (!names.equals(parent.featureNames())) {
            return Optional.of("its feature columns are " + names + ", the parent's " + parent.featureNames());
        }
        for (int i = 0; i < names.size(); i++) {
            FeatureColumn column = data.features().get(i);
            FeatureEncoding encoding = parent.features().get(i);
            boolean categorical = column instanceof FeatureColumn.Categorical;
            if (categorical != encoding instanceof FeatureEncoding.Categorical) {
                return Optional.of("column '" + column.name() + "' is " + (categorical ? "categorical" : "numeric")
                        + ", in the parent's " + (categorical ? "numeric" : "categorical"));
            }
            if (column instanceof FeatureColumn.Categorical c && encoding instanceof FeatureEncoding.Categorical e
                    && !c.categories().equals(e.categories())) {
                return Optional.of("column '" + column.name() + "' has the categories " + c.categories()
                        + ", the parent's " + e.categories());
            }
        }
        return target(parent.target(), data.target());
    }

    private static Optional<String> target(TargetEncoding parent, TargetColumn target) {
        if (target instanceof TargetColumn.Classes classes && !classes.classes().equals(parent.classes())) {
            return Optional.of("its target has the classes " + classes.classes() + ", the parent's "
                    + parent.classes());
        }
        if (target instanceof TargetColumn.Several several && parent instanceof TargetEncoding.Values values
                && !several.names().equals(values.names())) {
            return Optional.of("its targets are " + several.names() + ", the parent's " + values.names());
        }
        if ((target instanceof TargetColumn.Several) != (parent instanceof TargetEncoding.Values)) {
            return Optional.of("its target columns are " + target.name() + ", a different number than the parent's");
        }
        return Optional.empty();
    }
}
