-- RpaOrleans cluster schema for PostgreSQL: grain state (sessions, admission queue, stream
-- pub/sub) and reminders, read and written by the Orleans ADO.NET providers through the
-- queries in 002-queries.sql. Every statement is idempotent; silos apply both files on start.
BEGIN;
SELECT pg_advisory_xact_lock(727270001);

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);

-- One row per (service, state name, grain key). Orleans passes string keys in grain_ext and
-- numeric or Guid keys in n0/n1 (with an optional extension in grain_ext).
CREATE TABLE IF NOT EXISTS rpa_grain_state (
    service_id  varchar(150) NOT NULL,
    grain_type  varchar(512) NOT NULL,
    grain_n0    bigint       NOT NULL,
    grain_n1    bigint       NOT NULL,
    grain_ext   varchar(512) NOT NULL,
    grain_hash  integer      NOT NULL,
    payload     bytea,
    version     integer      NOT NULL,
    modified_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_n0, grain_n1, grain_ext)
);

-- Durable reminders. grain_hash is the grain's uniform hash as a signed int: silos read the
-- ranges of the hash ring they own.
CREATE TABLE IF NOT EXISTS rpa_reminders (
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(512) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX IF NOT EXISTS ix_rpa_reminders_hash ON rpa_reminders (service_id, grain_hash);

COMMIT;
