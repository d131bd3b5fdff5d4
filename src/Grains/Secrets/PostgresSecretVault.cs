using Microsoft.Extensions.Options;
using Npgsql;
using RpaOrleans.Hosting;
using RpaOrleans.Serialization;

namespace RpaOrleans.Secrets;

/// <summary>
/// The cluster's vault: every process reads the same rows in PostgreSQL (table <c>rpa_secrets</c>,
/// db/postgres/003-secrets.sql), so a secret stored through any web host is usable by a session on
/// any silo. Values are AES-GCM ciphertext under the cluster's shared master key, bound to tenant
/// and name exactly like the embedded vault's.
/// </summary>
public sealed class PostgresSecretVault(IOptions<RpaClusterOptions> options, DataProtector protector) : ISecretVault, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(options.Value.Postgres);
    private readonly string _serviceId = options.Value.ServiceId;

    public async Task SetAsync(string tenantId, string name, string value, IReadOnlyList<string> allowedDomains, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO rpa_secrets (service_id, tenant_id, name, data, domains, updated_at)
            VALUES (@service, @tenant, @name, @data, @domains, @at)
            ON CONFLICT (service_id, tenant_id, name)
            DO UPDATE SET data = excluded.data, domains = excluded.domains, updated_at = excluded.updated_at
            """);
        AddKey(command, tenantId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("data", protector.Protect(value, SecretContext.For(tenantId, name)));
        command.Parameters.AddWithValue("domains", RpaJson.Serialize(allowedDomains));
        command.Parameters.AddWithValue("at", DateTimeOffset.UtcNow);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SecretInfo>> ListAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await ReadAsync(
            "SELECT name, domains, updated_at FROM rpa_secrets WHERE service_id = @service AND tenant_id = @tenant ORDER BY name",
            tenantId,
            row => new SecretInfo(row.GetString(0), RpaJson.Deserialize<List<string>>(row.GetString(1)), row.GetFieldValue<DateTimeOffset>(2)),
            cancellationToken);

    public async Task<IReadOnlyList<SecretValue>> GetAllAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await ReadAsync(
            "SELECT name, data, domains FROM rpa_secrets WHERE service_id = @service AND tenant_id = @tenant",
            tenantId,
            row => new SecretValue(
                row.GetString(0),
                protector.Unprotect(row.GetFieldValue<byte[]>(1), SecretContext.For(tenantId, row.GetString(0))),
                RpaJson.Deserialize<List<string>>(row.GetString(2))),
            cancellationToken);

    public async Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM rpa_secrets WHERE service_id = @service AND tenant_id = @tenant AND name = @name");
        AddKey(command, tenantId);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public void Dispose() => _dataSource.Dispose();

    /// <summary>Every row of one tenant's secrets that <paramref name="sql"/> selects, mapped.</summary>
    private async Task<List<T>> ReadAsync<T>(string sql, string tenantId, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        AddKey(command, tenantId);
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) list.Add(map(reader));
        return list;
    }

    private void AddKey(NpgsqlCommand command, string tenantId)
    {
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("tenant", tenantId);
    }
}
