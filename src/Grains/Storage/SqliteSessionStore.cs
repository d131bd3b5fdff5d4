using Microsoft.Data.Sqlite;
using RpaOrleans.Serialization;

namespace RpaOrleans.Storage;

/// <summary>The embedded mode's session store.</summary>
public sealed class SqliteSessionStore(SqliteDatabase database) : ISessionStore
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var _ = await database.OpenAsync(cancellationToken);
    }

    public async Task UpsertSessionAsync(SessionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO sessions (id, tenant_id, status, goal, created_at, updated_at, terminal, snapshot)
            VALUES ($id, $tenant, $status, $goal, $created, $updated, $terminal, $snapshot)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,
                terminal = excluded.terminal, snapshot = excluded.snapshot
            WHERE excluded.updated_at >= sessions.updated_at;
            """;
        command.Parameters.AddWithValue("$id", snapshot.Id);
        command.Parameters.AddWithValue("$tenant", snapshot.TenantId);
        command.Parameters.AddWithValue("$status", snapshot.Status.ToString());
        command.Parameters.AddWithValue("$goal", (object?)snapshot.Spec.Goal ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", snapshot.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$updated", snapshot.UpdatedAt.UtcTicks);
        command.Parameters.AddWithValue("$terminal", snapshot.Status.IsTerminal() ? 1 : 0);
        command.Parameters.AddWithValue("$snapshot", RpaJson.Serialize(snapshot));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SessionSnapshot?> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT snapshot FROM sessions WHERE id = $id";
        command.Parameters.AddWithValue("$id", sessionId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? RpaJson.Deserialize<SessionSnapshot>(json)
            : null;
    }

    public async Task<SessionPage> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = "tenant_id = $tenant";
        if (query.Status is not null) where += " AND status = $status";
        if (!string.IsNullOrWhiteSpace(query.Text)) where += " AND goal LIKE $text ESCAPE '\\'";
        if (query.CreatedAfter is not null) where += " AND created_at >= $after";
        if (query.CreatedBefore is not null) where += " AND created_at < $before";

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM sessions WHERE {where}";
        Bind(count, query);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        await using var page = connection.CreateCommand();
        page.CommandText = $"SELECT snapshot FROM sessions WHERE {where} ORDER BY created_at DESC, id DESC LIMIT $limit OFFSET $offset";
        Bind(page, query);
        page.Parameters.AddWithValue("$limit", query.PageSize);
        page.Parameters.AddWithValue("$offset", (query.Page - 1) * query.PageSize);
        var items = new List<SessionSnapshot>();
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) items.Add(RpaJson.Deserialize<SessionSnapshot>(reader.GetString(0)));
        return new SessionPage(items, total, query.Page, query.PageSize);
    }

    private static void Bind(SqliteCommand command, SessionQuery query)
    {
        command.Parameters.AddWithValue("$tenant", query.TenantId);
        if (query.Status is not null) command.Parameters.AddWithValue("$status", query.Status.Value.ToString());
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var escaped = query.Text.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            command.Parameters.AddWithValue("$text", $"%{escaped}%");
        }
        if (query.CreatedAfter is not null) command.Parameters.AddWithValue("$after", query.CreatedAfter.Value.ToUnixTimeMilliseconds());
        if (query.CreatedBefore is not null) command.Parameters.AddWithValue("$before", query.CreatedBefore.Value.ToUnixTimeMilliseconds());
    }

    public async Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM sessions WHERE terminal = 0 ORDER BY created_at";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    public async Task UpsertStepAsync(StepRecord step, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO steps (session_id, idx, record) VALUES ($session, $idx, $record)
            ON CONFLICT (session_id, idx) DO UPDATE SET record = excluded.record;
            """;
        command.Parameters.AddWithValue("$session", step.SessionId);
        command.Parameters.AddWithValue("$idx", step.Index);
        command.Parameters.AddWithValue("$record", RpaJson.Serialize(step));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StepRecord>> GetStepsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM steps WHERE session_id = $session ORDER BY idx";
        command.Parameters.AddWithValue("$session", sessionId);
        var steps = new List<StepRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) steps.Add(RpaJson.Deserialize<StepRecord>(reader.GetString(0)));
        return steps;
    }

    public async Task<StepRecord?> GetStepAsync(string sessionId, int index, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM steps WHERE session_id = $session AND idx = $idx";
        command.Parameters.AddWithValue("$session", sessionId);
        command.Parameters.AddWithValue("$idx", index);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? RpaJson.Deserialize<StepRecord>(json) : null;
    }

    public async Task<IReadOnlyDictionary<SessionStatus, int>> CountByStatusAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COUNT(*) FROM sessions WHERE tenant_id = $tenant GROUP BY status";
        command.Parameters.AddWithValue("$tenant", tenantId);
        var counts = new Dictionary<SessionStatus, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<SessionStatus>(reader.GetString(0), out var status)) counts[status] = reader.GetInt32(1);
        }
        return counts;
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ListEndTimesAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        // A terminal session is not updated again, so its last update is when it ended.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT updated_at FROM sessions WHERE tenant_id = $tenant AND terminal = 1 AND updated_at >= $since ORDER BY updated_at";
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$since", since.UtcTicks);
        var ends = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ends.Add(new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero));
        return ends;
    }

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit (at, tenant_id, actor, action, session_id, detail)
            VALUES ($at, $tenant, $actor, $action, $session, $detail);
            """;
        command.Parameters.AddWithValue("$at", entry.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$tenant", entry.TenantId);
        command.Parameters.AddWithValue("$actor", entry.Actor);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$session", (object?)entry.SessionId ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string tenantId, string? sessionId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sessionId is null
            ? "SELECT at, tenant_id, actor, action, session_id, detail FROM audit WHERE tenant_id = $tenant ORDER BY seq DESC LIMIT $limit"
            : "SELECT at, tenant_id, actor, action, session_id, detail FROM audit WHERE tenant_id = $tenant AND session_id = $session ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$limit", limit);
        if (sessionId is not null) command.Parameters.AddWithValue("$session", sessionId);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return entries;
    }
}
