-- A job published under a name for the KServe v2 endpoints. Each publish of a name adds the next
-- version; calls without a version go to the newest. The unique key settles concurrent publishes.
CREATE TABLE publication (
    id         UUID PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    version    INTEGER NOT NULL,
    job_id     UUID NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT publication_unique UNIQUE (name, version)
);
CREATE INDEX publication_job ON publication (job_id);
