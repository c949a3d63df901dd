-- A job's priority: higher is claimed first, equal priorities oldest first. The index follows the
-- claim order, so that a worker finds the next job without sorting the whole queue.
ALTER TABLE job ADD COLUMN priority INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX job_claim_order ON job (status, priority DESC, created_at, id);
