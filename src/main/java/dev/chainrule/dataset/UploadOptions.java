package dev.chainrule.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * The upload's parameters, each null (or empty) when not given.
 *
 * @param targets the target columns' names, as given: each entry may itself list names separated by
 *        commas ({@code target=a,b} and {@code target=a&target=b} mean the same); default: the last column
 * @param task {@code classification} or {@code regression} (default: inferred)
 * @param delimiter {@code ,}, {@code ;} or {@code tab} (default: detected)
 */
record UploadOptions(String name, List<String> targets, String task, String delimiter) {

    UploadOptions {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** The target names, commas split and blanks trimmed; empty for the default target. */
    List<String> targetNames() {
        List<String> names = new ArrayList<>();
        for (String entry : targets) {
            for (String name : entry.split(",", -1)) {
                names.add(name.strip());
            }
        }
        return names;
    }
}
