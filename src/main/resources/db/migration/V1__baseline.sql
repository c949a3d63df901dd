-- Baseline: the schema grows by feature, one migration per change (V2 datasets, V3 models and jobs, ...).
CREATE TABLE schema_info (
    id      INTEGER PRIMARY KEY,
    created TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO schema_info (id, created) VALUES (1, CURRENT_TIMESTAMP);
