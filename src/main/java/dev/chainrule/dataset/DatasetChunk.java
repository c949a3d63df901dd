package dev.chainrule.dataset;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Up to {@code chunkRows} consecutive values of one column, as little-endian float32 values or
 * int32 dictionary codes (see {@link ChunkCodec}).
 */
@Entity
@Table(name = "dataset_chunk")
class DatasetChunk {

    @Id
    private UUID id;

    @Column(name = "dataset_id")
    private UUID datasetId;

    @Column(name = "column_index")
    private int columnIndex;

    @Column(name = "chunk_index")
    private int chunkIndex;

    @Column(name = "row_count")
    private int rowCount;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    private byte[] data;

    protected DatasetChunk() {
    }

    DatasetChunk(UUID datasetId, int columnIndex, int chunkIndex, int rowCount, byte[] data) {
        this.id = UUID.randomUUID();
        this.datasetId = datasetId;
        this.columnIndex = columnIndex;
        this.chunkIndex = chunkIndex;
        this.rowCount = rowCount;
        this.data = data;
    }

    int columnIndex() {
        return columnIndex;
    }

    int chunkIndex() {
        return chunkIndex;
    }

    int rowCount() {
        return rowCount;
    }

    byte[] data() {
        return data;
    }
}
