-- A job is either trained here from a dataset or imported as a finished model from a portable bundle.
-- An imported job has no dataset.
ALTER TABLE job ADD COLUMN kind VARCHAR(16) DEFAULT 'TRAINED' NOT NULL;
ALTER TABLE job ALTER COLUMN dataset_id DROP NOT NULL;
