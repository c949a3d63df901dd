package dev.chainrule.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists, shows, pages through and deletes stored datasets. */
@Service
class DatasetCatalog {

    private final DatasetRepository datasets;
    private final DatasetStore store;
    private final DatasetProperties properties;
    private final ObjectProvider<DatasetUsage> usages;
    private final DecodedDatasetCache decoded;

    DatasetCatalog(DatasetRepository datasets, DatasetStore store, DatasetProperties properties,
            ObjectProvider<DatasetUsage> usages, DecodedDatasetCache decoded) {
        this.datasets = datasets;
        this.store = store;
        this.properties = properties;
        this.usages = usages;
        this.decoded = decoded;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    Page<DatasetResponse> list(UUID tenant, Pageable page) {
        return datasets.findByTenantId(tenant, PageRequest.of(page.getPageNumber(), page.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")))).map(DatasetResponse::of);
    }

    @Transactional(readOnly = true)
    DatasetResponse get(UUID tenant, UUID id) {
        return DatasetResponse.of(find(tenant, id));
    }

    /** The largest {@code limit} of {@link #rows}. */
    int maxRowsLimit() {
        return properties.maxPageRows();
    }

    @Transactional(readOnly = true)
    RowsResponse rows(UUID tenant, UUID id, int offset, int limit) {
        Dataset dataset = find(tenant, id);
        int count = Math.max(0, Math.min(limit, dataset.rowCount() - offset));
        List<ColumnValues> columns = new ArrayList<>();
        for (DatasetColumn column : dataset.columns()) {
            columns.add(store.read(dataset, column, Math.min(offset, dataset.rowCount()), count));
        }
        List<List<Object>> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            List<Object> row = new ArrayList<>(columns.size());
            for (ColumnValues values : columns) {
                row.add(RawValues.at(values, r));
            }
            rows.add(row);
        }
        return new RowsResponse(offset, limit, dataset.rowCount(),
                dataset.columns().stream().map(DatasetColumn::name).toList(), rows);
    }

    @Transactional
    void delete(UUID tenant, UUID id) {
        Dataset dataset = find(tenant, id);
        if (usages.stream().anyMatch(usage -> usage.inUseByActiveJob(id))) {
            throw DatasetProblems.inUse(id);
        }
        store.deleteAll(id);
        datasets.delete(dataset);
        decoded.evict(id);
    }

    /** Another tenant's dataset is not found, exactly like one that does not exist. */
    private Dataset find(UUID tenant, UUID id) {
        return datasets.findByIdAndTenantId(id, tenant).orElseThrow(() -> DatasetProblems.notFound(id));
    }
}
