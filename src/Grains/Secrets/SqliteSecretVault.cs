using RpaOrleans.Serialization;
using RpaOrleans.Storage;

namespace RpaOrleans.Secrets;

/// <summary>The embedded vault: AES-GCM ciphertext in the SQLite file, bound to tenant and name.</summary>
public sealed class SqliteSecretVault(SqliteDatabase database, DataProtector protector) : ISecretVault
{
    public async Task SetAsync(string tenantId, string name, string value, IReadOnlyList<string> allowedDomains, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO secrets (tenant_id, name, data, domains, updated_at) VALUES ($tenant, $name, $data, $domains, $at)
            ON CONFLICT (tenant_id, name) DO UPDATE SET data = excluded.data, domains = excluded.domains, updated_at = excluded.updated_at;
            """;
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$data", protector.Protect(value, SecretContext.For(tenantId, name)));
        command.Parameters.AddWithValue("$domains", RpaJson.Serialize(allowedDomains));
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SecretInfo>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, domains, updated_at FROM secrets WHERE tenant_id = $tenant ORDER BY name";
        command.Parameters.AddWithValue("$tenant", tenantId);
        var list = new List<SecretInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new SecretInfo(reader.GetString(0), RpaJson.Deserialize<List<string>>(reader.GetString(1)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        return list;
    }

    public async Task<IReadOnlyList<SecretValue>> GetAllAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, data, domains FROM secrets WHERE tenant_id = $tenant";
        command.Parameters.AddWithValue("$tenant", tenantId);
        var list = new List<SecretValue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            list.Add(new SecretValue(name, protector.Unprotect((byte[])reader.GetValue(1), SecretContext.For(tenantId, name)),
                RpaJson.Deserialize<List<string>>(reader.GetString(2))));
        }
        return list;
    }

    public async Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM secrets WHERE tenant_id = $tenant AND name = $name";
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
