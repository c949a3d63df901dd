-- A checkpoint's trainer state already holds its parameters; the second copy in the API's form was
-- written on every checkpoint and never read. The job's current parameters live in job_artifact.
ALTER TABLE job_checkpoint DROP COLUMN parameters;
