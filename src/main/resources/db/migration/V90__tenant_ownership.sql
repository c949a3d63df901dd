-- Every dataset, model, job and publication belongs to a tenant; rows from before tenants belong to
-- the default tenant. What hangs off a job (artifact, epochs, checkpoints, telemetry) belongs to the
-- job's tenant through the job. A publication's name is the tenant's own: two tenants may publish
-- the same name without seeing each other's versions.
ALTER TABLE dataset ADD COLUMN tenant_id UUID DEFAULT '00000000-0000-0000-0000-000000000001' NOT NULL;
ALTER TABLE models ADD COLUMN tenant_id UUID DEFAULT '00000000-0000-0000-0000-000000000001' NOT NULL;
ALTER TABLE job ADD COLUMN tenant_id UUID DEFAULT '00000000-0000-0000-0000-000000000001' NOT NULL;
ALTER TABLE publication ADD COLUMN tenant_id UUID DEFAULT '00000000-0000-0000-0000-000000000001' NOT NULL;

CREATE INDEX dataset_tenant ON dataset (tenant_id, created_at);
CREATE INDEX models_tenant ON models (tenant_id, created_at);
CREATE INDEX job_tenant ON job (tenant_id, status);

ALTER TABLE publication DROP CONSTRAINT publication_unique;
ALTER TABLE publication ADD CONSTRAINT publication_unique UNIQUE (tenant_id, name, version);

-- A tenant's quotas; NULL takes the configured default (chainrule.quotas.*).
ALTER TABLE tenant ADD COLUMN requests_per_minute INTEGER;
ALTER TABLE tenant ADD COLUMN max_active_jobs INTEGER;
ALTER TABLE tenant ADD COLUMN max_storage_bytes BIGINT;
