-- A job forked from another job's checkpoint. The checkpoint's bytes are copied here when the fork
-- is created, so pruning or deleting the parent's checkpoints later cannot take its start away.
-- The parent is named without a foreign key: a fork outlives the parent it was taken from.
CREATE TABLE job_fork (
    job_id        UUID PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    parent_job_id UUID NOT NULL,
    parent_epoch  INTEGER NOT NULL,
    restore       VARCHAR(16) NOT NULL,
    checkpoint    BYTEA NOT NULL
);
CREATE INDEX job_fork_parent ON job_fork (parent_job_id);
