-- Per-layer telemetry: one row per job, finished epoch and trainable layer, written in the same
-- transaction as the epoch's history row (job_epoch), so both survive or vanish together.
CREATE TABLE job_layer_telemetry (
    id                  UUID PRIMARY KEY,
    job_id              UUID NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    epoch               INTEGER NOT NULL,
    layer               INTEGER NOT NULL,
    kind                VARCHAR(32) NOT NULL,
    weight_norm         DOUBLE PRECISION NOT NULL,
    gradient_norm       DOUBLE PRECISION NOT NULL,
    bias_gradient_norm  DOUBLE PRECISION NOT NULL,
    update_ratio        DOUBLE PRECISION NOT NULL,
    error_norm          DOUBLE PRECISION NOT NULL,
    activation_mean     DOUBLE PRECISION NOT NULL,
    activation_std      DOUBLE PRECISION NOT NULL,
    dead_fraction       DOUBLE PRECISION NOT NULL,
    saturated_fraction  DOUBLE PRECISION,
    CONSTRAINT job_layer_telemetry_unique UNIQUE (job_id, epoch, layer)
);
