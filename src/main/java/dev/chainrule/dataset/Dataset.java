package dev.chainrule.dataset;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A stored dataset's metadata; its values live in {@link DatasetChunk} rows. */
@Entity
@Table(name = "dataset")
class Dataset {

    @Id
    private UUID id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Task task;

    /** The first target column (the only one of a classification dataset). */
    @Column(name = "target_index")
    private int targetIndex;

    @Column(name = "row_count")
    private int rowCount;

    @Column(name = "chunk_rows")
    private int chunkRows;

    @Column(name = "source_bytes")
    private long sourceBytes;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @OneToMany(mappedBy = "dataset", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("columnIndex")
    private List<DatasetColumn> columns = new ArrayList<>();

    /** The tenant that made it; only that tenant's keys see it. */
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    protected Dataset() {
    }

    Dataset(UUID id, String name, Task task, int targetIndex, int rowCount, int chunkRows, long sourceBytes,
            OffsetDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.task = task;
        this.targetIndex = targetIndex;
        this.rowCount = rowCount;
        this.chunkRows = chunkRows;
        this.sourceBytes = sourceBytes;
        this.createdAt = createdAt;
    }

    void addColumn(DatasetColumn column) {
        column.attachTo(this);
        columns.add(column);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    Task task() {
        return task;
    }

    int targetIndex() {
        return targetIndex;
    }

    int rowCount() {
        return rowCount;
    }

    int chunkRows() {
        return chunkRows;
    }

    long sourceBytes() {
        return sourceBytes;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }

    List<DatasetColumn> columns() {
        return columns;
    }

    /** The target columns in column order; the first is at {@link #targetIndex()}. */
    List<DatasetColumn> targets() {
        return columns.stream().filter(DatasetColumn::isTarget).toList();
    }

    /** Sets the owning tenant before the first save. */
    Dataset ownedBy(UUID tenant) {
        this.tenantId = tenant;
        return this;
    }

    UUID tenantId() {
        return tenantId;
    }
}
