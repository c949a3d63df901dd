-- Training jobs. The job table is also the work queue: a runner claims a QUEUED row with one
-- conditional UPDATE, and a RUNNING row whose heartbeat lapsed is reclaimed the same way.
-- Types are the ones H2 and PostgreSQL 15 both accept (BYTEA is an H2 alias of VARBINARY).
CREATE TABLE job (
    id                 UUID PRIMARY KEY,
    model_id           UUID NOT NULL,
    dataset_id         UUID NOT NULL,
    status             VARCHAR(16) NOT NULL,
    options            VARCHAR(4000) NOT NULL,
    epochs             INTEGER NOT NULL,
    epoch              INTEGER NOT NULL,
    step               BIGINT NOT NULL,
    progress           DOUBLE PRECISION NOT NULL,
    samples_per_second DOUBLE PRECISION,
    loss               DOUBLE PRECISION,
    val_loss           DOUBLE PRECISION,
    accuracy           DOUBLE PRECISION,
    val_accuracy       DOUBLE PRECISION,
    rmse               DOUBLE PRECISION,
    val_rmse           DOUBLE PRECISION,
    error              VARCHAR(2000),
    cancel_requested   BOOLEAN NOT NULL,
    owner              VARCHAR(100),
    heartbeat_at       TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX job_status_created ON job (status, created_at);
CREATE INDEX job_dataset ON job (dataset_id);

-- What a trained job hands to predictions: the preprocessing fitted when the job was created and
-- the current parameters (latest epoch, or the final/best ones); version changes with parameters.
CREATE TABLE job_artifact (
    job_id        UUID PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    preprocessing BYTEA NOT NULL,
    parameters    BYTEA,
    version       BIGINT NOT NULL
);

-- One row per finished epoch; the unique key keeps a replayed epoch from adding a second row.
CREATE TABLE job_epoch (
    id             UUID PRIMARY KEY,
    job_id         UUID NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    epoch          INTEGER NOT NULL,
    loss           DOUBLE PRECISION NOT NULL,
    val_loss       DOUBLE PRECISION,
    accuracy       DOUBLE PRECISION,
    val_accuracy   DOUBLE PRECISION,
    rmse           DOUBLE PRECISION,
    val_rmse       DOUBLE PRECISION,
    learning_rate  DOUBLE PRECISION NOT NULL,
    duration_ms    BIGINT NOT NULL,
    CONSTRAINT job_epoch_unique UNIQUE (job_id, epoch)
);

-- A resumable snapshot: trainer state (parameters, optimizer state, position), the parameters in
-- the API's form, and the metrics of its epoch (null for a mid-epoch snapshot taken at shutdown).
CREATE TABLE job_checkpoint (
    id           UUID PRIMARY KEY,
    job_id       UUID NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    epoch        INTEGER NOT NULL,
    batch        INTEGER NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    best         BOOLEAN NOT NULL,
    score        DOUBLE PRECISION,
    loss         DOUBLE PRECISION,
    val_loss     DOUBLE PRECISION,
    accuracy     DOUBLE PRECISION,
    val_accuracy DOUBLE PRECISION,
    rmse         DOUBLE PRECISION,
    val_rmse     DOUBLE PRECISION,
    state        BYTEA NOT NULL,
    parameters   BYTEA NOT NULL,
    CONSTRAINT job_checkpoint_unique UNIQUE (job_id, epoch, batch)
);
