package dev.chainrule.dataset;

import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Repository;

/**
 * Persists datasets and writes and reads their column chunks. Writing flushes and detaches each chunk at once, so that a large
 * upload never accumulates its values in the persistence context; reading selects only the chunks
 * that overlap the requested rows, as plain tuples.
 */
@Repository
class DatasetStore {

    private final EntityManager entityManager;

    DatasetStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A new dataset with its columns; {@code persist}, not {@code merge}, since the id is assigned. */
    void persist(Dataset dataset) {
        entityManager.persist(dataset);
        entityManager.flush();
    }

    /** Needs a transaction; the chunks stay invisible until the dataset row is committed. */
    ChunkWriter writerFor(UUID datasetId) {
        return (columnIndex, chunkIndex, rowCount, data) -> {
            DatasetChunk chunk = new DatasetChunk(datasetId, columnIndex, chunkIndex, rowCount, data);
            entityManager.persist(chunk);
            entityManager.flush();
            entityManager.detach(chunk);
        };
    }

    /** Rows {@code [offset, offset+limit)} of one column; needs a transaction. */
    ColumnValues read(Dataset dataset, DatasetColumn column, int offset, int limit) {
        float[] numbers = column.storedAsCodes() ? null : new float[limit];
        int[] codes = column.storedAsCodes() ? new int[limit] : null;
        int chunkRows = dataset.chunkRows();
        int end = offset + limit;
        try (Stream<Object[]> chunks = entityManager.createQuery("""
                select c.chunkIndex, c.rowCount, c.data from DatasetChunk c
                where c.datasetId = :id and c.columnIndex = :column and c.chunkIndex between :first and :last
                order by c.chunkIndex""", Object[].class)
                .setParameter("id", dataset.id())
                .setParameter("column", column.columnIndex())
                .setParameter("first", offset / chunkRows)
                .setParameter("last", Math.max(offset, end - 1) / chunkRows)
                .getResultStream()) {
            chunks.forEach(chunk -> {
                int start = (Integer) chunk[0] * chunkRows;
                int from = Math.max(offset, start);
                int to = Math.min(end, start + (Integer) chunk[1]);
                if (to > from) {
                    byte[] data = (byte[]) chunk[2];
                    if (codes != null) {
                        ChunkCodec.decodeInts(data, from - start, to - from, codes, from - offset);
                    } else {
                        ChunkCodec.decodeFloats(data, from - start, to - from, numbers, from - offset);
                    }
                }
            });
        }
        return new ColumnValues(column, numbers, codes);
    }

    /** Chunks whose dataset row was never committed: left by an upload that was interrupted. */
    int deleteOrphans() {
        return entityManager.createQuery("""
                delete from DatasetChunk c
                where not exists (select 1 from Dataset d where d.id = c.datasetId)""")
                .executeUpdate();
    }

    void deleteAll(UUID datasetId) {
        entityManager.createQuery("delete from DatasetChunk c where c.datasetId = :id")
                .setParameter("id", datasetId)
                .executeUpdate();
    }
}
