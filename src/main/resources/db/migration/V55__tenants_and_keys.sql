-- Tenants and their API keys. A key is stored only as the SHA-256 of its secret, with a short
-- visible prefix to find it by and to show in lists. The default tenant owns the bootstrap admin key.
CREATE TABLE tenant (
    id         UUID PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenant_name_unique UNIQUE (name)
);
INSERT INTO tenant (id, name, created_at) VALUES ('00000000-0000-0000-0000-000000000001', 'default', CURRENT_TIMESTAMP);

CREATE TABLE api_key (
    id           UUID PRIMARY KEY,
    tenant_id    UUID NOT NULL REFERENCES tenant (id),
    name         VARCHAR(100) NOT NULL,
    role         VARCHAR(10) NOT NULL,
    prefix       VARCHAR(16) NOT NULL,
    secret_hash  VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_key_hash_unique UNIQUE (secret_hash)
);
CREATE INDEX api_key_prefix ON api_key (prefix);
CREATE INDEX api_key_tenant ON api_key (tenant_id);
