-- Model definitions. Layers and explicit initial parameters are JSON text, read and written whole;
-- TEXT is unbounded on PostgreSQL and a large CHARACTER VARYING on H2, so one script serves both.
CREATE TABLE models (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    inputs      INTEGER,
    layers      TEXT NOT NULL,
    loss        VARCHAR(40) NOT NULL,
    weight_init VARCHAR(40) NOT NULL,
    seed        BIGINT NOT NULL,
    l2          DOUBLE PRECISION NOT NULL,
    parameters  TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX models_created_at ON models (created_at);
