package dev.chainrule.dataset;

import java.util.List;
import java.util.UUID;

/**
 * A whole stored dataset, read back for training or scoring without re-parsing its CSV. Feature
 * columns come in the file's column order, the target left out.
 */
public record DatasetData(UUID id, String name, Task task, int rows, List<FeatureColumn> features, TargetColumn target) {
}
