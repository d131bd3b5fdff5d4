-- The cluster's secret vault: AES-GCM ciphertext (the key never reaches the database), bound to
-- service, tenant and name, with the domains the secret may be typed into. Idempotent.
BEGIN;
SELECT pg_advisory_xact_lock(727270001);

CREATE TABLE IF NOT EXISTS rpa_secrets (
    service_id varchar(150) NOT NULL,
    tenant_id  varchar(200) NOT NULL,
    name       varchar(200) NOT NULL,
    data       bytea        NOT NULL,
    domains    text         NOT NULL,
    updated_at timestamptz  NOT NULL,
    PRIMARY KEY (service_id, tenant_id, name)
);

COMMIT;
