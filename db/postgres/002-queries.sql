-- The statements the Orleans ADO.NET providers run, keyed as the 10.x providers expect.
-- Parameters arrive by name (@Name); casts pin the types Npgsql cannot infer from a null.
BEGIN;
SELECT pg_advisory_xact_lock(727270001);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Grain state. A write names the version it read (null: the state was never written) and
-- answers the new version, or no row when someone else wrote first.
('ReadFromStorageKey', $q$
SELECT payload AS PayloadBinary, version AS Version
FROM rpa_grain_state
WHERE service_id = @ServiceId::varchar AND grain_type = @GrainTypeString::varchar
  AND grain_n0 = @GrainIdN0::bigint AND grain_n1 = @GrainIdN1::bigint
  AND grain_ext = COALESCE(@GrainIdExtensionString::varchar, '')
  AND @GrainIdHash::integer IS NOT NULL AND @GrainTypeHash::integer IS NOT NULL;
$q$),
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE rpa_grain_state
    SET payload = @PayloadBinary::bytea, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion::integer IS NOT NULL
      AND service_id = @ServiceId::varchar AND grain_type = @GrainTypeString::varchar
      AND grain_n0 = @GrainIdN0::bigint AND grain_n1 = @GrainIdN1::bigint
      AND grain_ext = COALESCE(@GrainIdExtensionString::varchar, '')
      AND version = @GrainStateVersion::integer
    RETURNING version),
inserted AS (
    INSERT INTO rpa_grain_state (service_id, grain_type, grain_n0, grain_n1, grain_ext, grain_hash, payload, version)
    SELECT @ServiceId::varchar, @GrainTypeString::varchar, @GrainIdN0::bigint, @GrainIdN1::bigint,
           COALESCE(@GrainIdExtensionString::varchar, ''), @GrainIdHash::integer, @PayloadBinary::bytea, 1
    WHERE @GrainStateVersion::integer IS NULL AND @GrainTypeHash::integer IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT version FROM inserted;
$q$),
('ClearStorageKey', $q$
UPDATE rpa_grain_state
SET payload = NULL, version = version + 1, modified_at = now()
WHERE service_id = @ServiceId::varchar AND grain_type = @GrainTypeString::varchar
  AND grain_n0 = @GrainIdN0::bigint AND grain_n1 = @GrainIdN1::bigint
  AND grain_ext = COALESCE(@GrainIdExtensionString::varchar, '')
  AND version = @GrainStateVersion::integer
  AND @GrainIdHash::integer IS NOT NULL AND @GrainTypeHash::integer IS NOT NULL
RETURNING version;
$q$),
('DeleteStorageKey', $q$
DELETE FROM rpa_grain_state
WHERE service_id = @ServiceId::varchar AND grain_type = @GrainTypeString::varchar
  AND grain_n0 = @GrainIdN0::bigint AND grain_n1 = @GrainIdN1::bigint
  AND grain_ext = COALESCE(@GrainIdExtensionString::varchar, '')
  AND version = @GrainStateVersion::integer
  AND @GrainIdHash::integer IS NOT NULL AND @GrainTypeHash::integer IS NOT NULL
RETURNING version + 1;
$q$),

-- Reminders.
('UpsertReminderRowKey', $q$
INSERT INTO rpa_reminders AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId::varchar, @GrainId::varchar, @ReminderName::varchar, @StartTime::timestamptz, @Period::bigint, @GrainHash::integer, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, version = r.version + 1
RETURNING version AS Version;
$q$),
('ReadReminderRowsKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM rpa_reminders
WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar;
$q$),
('ReadReminderRowKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM rpa_reminders
WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar AND reminder_name = @ReminderName::varchar;
$q$),
('ReadRangeRows1Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM rpa_reminders
WHERE service_id = @ServiceId::varchar AND grain_hash > @BeginHash::integer AND grain_hash <= @EndHash::integer;
$q$),
('ReadRangeRows2Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM rpa_reminders
WHERE service_id = @ServiceId::varchar AND (grain_hash > @BeginHash::integer OR grain_hash <= @EndHash::integer);
$q$),
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM rpa_reminders
    WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar
      AND reminder_name = @ReminderName::varchar AND version = @Version::integer
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),
('DeleteReminderRowsKey', $q$
DELETE FROM rpa_reminders WHERE service_id = @ServiceId::varchar;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

COMMIT;
