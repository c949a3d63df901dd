package dev.chainrule.dataset;

import dev.chainrule.web.PageResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists, shows, pages through and deletes stored datasets. */
@Service
class DatasetCatalog {

    static final int MAX_PAGE_SIZE = 100;

    private final DatasetRepository datasets;
    private final DatasetStore store;
    private final DatasetProperties properties;
    private final ObjectProvider<DatasetUsage> usages;

    DatasetCatalog(DatasetRepository datasets, DatasetStore store, DatasetProperties properties,
            ObjectProvider<DatasetUsage> usages) {
        this.datasets = datasets;
        this.store = store;
        this.properties = properties;
        this.usages = usages;
    }

    @Transactional(readOnly = true)
    PageResponse<DatasetResponse> list(int page, int size) {
        if (page < 0) {
            throw DatasetProblems.invalidParameter("page", "Parameter 'page' must be 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DatasetProblems.invalidParameter("size", "Parameter 'size' must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        Page<Dataset> found = datasets.findAll(PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        return PageResponse.of(found, DatasetResponse::of);
    }

    @Transactional(readOnly = true)
    DatasetResponse get(UUID id) {
        return DatasetResponse.of(find(id));
    }

    @Transactional(readOnly = true)
    RowsResponse rows(UUID id, int offset, int limit) {
        if (offset < 0) {
            throw DatasetProblems.invalidParameter("offset", "Parameter 'offset' must be 0 or more.");
        }
        if (limit < 1 || limit > properties.maxPageRows()) {
            throw DatasetProblems.invalidParameter("limit",
                    "Parameter 'limit' must be between 1 and " + properties.maxPageRows() + ".");
        }
        Dataset dataset = find(id);
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
    void delete(UUID id) {
        Dataset dataset = find(id);
        if (usages.stream().anyMatch(usage -> usage.inUseByActiveJob(id))) {
            throw DatasetProblems.inUse(id);
        }
        store.deleteAll(id);
        datasets.delete(dataset);
    }

    private Dataset find(UUID id) {
        return datasets.findById(id).orElseThrow(() -> DatasetProblems.notFound(id));
    }
}
