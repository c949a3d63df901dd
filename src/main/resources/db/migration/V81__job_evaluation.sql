-- A finished classification job's confusion matrix on its validation rows, with the class names in
-- output order, as JSON ({"classes": [...], "matrix": [[...]]}: rows are true classes, columns predicted).
CREATE TABLE job_evaluation (
    job_id UUID PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    report VARCHAR(1000000) NOT NULL
);
