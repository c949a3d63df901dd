-- Datasets: metadata and per-column statistics in rows, values in binary column chunks
-- (little-endian float32 for numeric columns, int32 codes for categorical ones), so that training
-- reads a column without re-parsing the CSV. BYTEA is PostgreSQL's binary type and an alias of
-- VARBINARY in H2, so this one script serves both.
--
-- An upload commits its chunks first, one transaction per column (so that no transaction has to
-- carry a whole large upload), and its dataset row last: the dataset becomes
-- visible in that one commit. Chunks therefore have no foreign key to dataset; chunks without a
-- dataset row are a failed or interrupted upload and are deleted (at once, or at the next start).
CREATE TABLE dataset (
    id           UUID PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    task         VARCHAR(32) NOT NULL,
    target_index INTEGER NOT NULL,
    row_count    INTEGER NOT NULL,
    chunk_rows   INTEGER NOT NULL,
    source_bytes BIGINT NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX dataset_created_at_idx ON dataset (created_at);

CREATE TABLE dataset_column (
    id            UUID PRIMARY KEY,
    dataset_id    UUID NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    column_index  INTEGER NOT NULL,
    name          VARCHAR(1000) NOT NULL,
    column_type   VARCHAR(16) NOT NULL,
    missing_count INTEGER NOT NULL,
    min_value     DOUBLE PRECISION,
    max_value     DOUBLE PRECISION,
    mean_value    DOUBLE PRECISION,
    std_value     DOUBLE PRECISION,
    CONSTRAINT dataset_column_unique UNIQUE (dataset_id, column_index)
);

-- The dictionary of a categorical column (or of a classification target): code = list index.
CREATE TABLE dataset_category (
    column_id   UUID NOT NULL REFERENCES dataset_column (id) ON DELETE CASCADE,
    code        INTEGER NOT NULL,
    label       VARCHAR(1000) NOT NULL,
    occurrences INTEGER NOT NULL,
    missing     BOOLEAN NOT NULL,
    PRIMARY KEY (column_id, code)
);

CREATE TABLE dataset_chunk (
    id           UUID PRIMARY KEY,
    dataset_id   UUID NOT NULL,
    column_index INTEGER NOT NULL,
    chunk_index  INTEGER NOT NULL,
    row_count    INTEGER NOT NULL,
    data         BYTEA NOT NULL,
    CONSTRAINT dataset_chunk_unique UNIQUE (dataset_id, column_index, chunk_index)
);
