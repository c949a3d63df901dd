-- A regression dataset may have several target columns: each column says whether it is one.
-- dataset.target_index stays the first target, so a dataset stored before keeps its one target.
ALTER TABLE dataset_column ADD COLUMN is_target BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE dataset_column SET is_target = TRUE
WHERE column_index = (SELECT d.target_index FROM dataset d WHERE d.id = dataset_column.dataset_id);
