package dev.chainrule.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads stored datasets for training and scoring, column chunk by column chunk; whole datasets are
 * kept decoded ({@link DecodedDatasetCache}) once the dataset's row says it still exists.
 */
@Service
class StoredDatasetReader implements DatasetReader {

    private final DatasetRepository datasets;
    private final DatasetStore store;
    private final DecodedDatasetCache decoded;

    StoredDatasetReader(DatasetRepository datasets, DatasetStore store, DecodedDatasetCache decoded) {
        this.datasets = datasets;
        this.store = store;
        this.decoded = decoded;
    }

    @Override
    @Transactional(readOnly = true)
    public DatasetData read(UUID datasetId) {
        Dataset dataset = find(datasetId);
        return decoded.get(datasetId, () -> read(dataset, 0, dataset.rowCount()));
    }

    /** Rows outside the dataset are left out: an offset past the end gives zero rows. */
    @Override
    @Transactional(readOnly = true)
    public DatasetData read(UUID datasetId, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0, got " + offset + " and " + limit);
        }
        Dataset dataset = find(datasetId);
        int from = Math.min(offset, dataset.rowCount());
        return read(dataset, from, (int) Math.min(limit, (long) dataset.rowCount() - from));
    }

    @Override
    @Transactional(readOnly = true)
    public void requireOwned(UUID tenant, UUID datasetId) {
        if (!datasets.existsByIdAndTenantId(datasetId, tenant)) {
            throw DatasetProblems.notFound(datasetId);
        }
    }

    private DatasetData read(Dataset dataset, int offset, int count) {
        List<FeatureColumn> features = new ArrayList<>();
        List<TargetColumn> targets = new ArrayList<>();
        for (DatasetColumn column : dataset.columns()) {
            ColumnValues values = store.read(dataset, column, offset, count);
            if (column.isTarget()) {
                targets.add(dataset.task() == Task.CLASSIFICATION
                        ? new TargetColumn.Classes(column.name(), labels(column), values.codes())
                        : new TargetColumn.Values(column.name(), values.numbers()));
            } else if (column.storedAsCodes()) {
                features.add(new FeatureColumn.Categorical(column.name(), labels(column), values.codes()));
            } else {
                features.add(new FeatureColumn.Numeric(column.name(), values.numbers()));
            }
        }
        return new DatasetData(dataset.id(), dataset.name(), dataset.task(), count, features, target(targets));
    }

    private static TargetColumn target(List<TargetColumn> targets) {
        if (targets.size() == 1) {
            return targets.get(0);
        }
        return new TargetColumn.Several(targets.stream().map(TargetColumn.Values.class::cast).toList());
    }

    private static List<String> labels(DatasetColumn column) {
        return column.categories().stream().map(Category::label).toList();
    }

    /** One query, also when the rows are cached: a dataset deleted by another instance is gone here too. */
    private Dataset find(UUID id) {
        return datasets.findById(id).orElseThrow(() -> {
            decoded.evict(id);
            return DatasetProblems.notFound(id);
        });
    }
}
