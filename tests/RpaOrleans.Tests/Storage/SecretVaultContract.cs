using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using RpaOrleans.Hosting;
using RpaOrleans.Secrets;
using RpaOrleans.Storage;
using RpaOrleans.Storage.Postgres;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Storage;

/// <summary>
/// What every <see cref="ISecretVault"/> must do, run against the embedded (SQLite) and the cluster
/// (PostgreSQL) vault. "Another process" is a second vault instance over the same database.
/// </summary>
public abstract class SecretVaultContract
{
    private const string Value = "Vault-Contract-Value-9137";

    protected string MasterKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A vault over this test's database, with the given master key.</summary>
    protected abstract Task<ISecretVault> OpenAsync(string masterKey);

    /// <summary>Every byte the database holds for the vault, to look for the plaintext.</summary>
    protected abstract Task<byte[]> RawContentAsync();

    protected static DataProtector Protector(string masterKey, string dataDirectory) =>
        new(Options.Create(new SecretOptions { MasterKey = masterKey }), Options.Create(new RpaOptions { DataDirectory = dataDirectory }));

    [Fact]
    public async Task StoredSecret_IsReadByAnotherInstance_ListedWithoutItsValue_AndEncryptedAtRest()
    {
        var writer = await OpenAsync(MasterKey);
        await writer.SetAsync("acme", "portal-password", Value, ["portal.example.com"]);

        var reader = await OpenAsync(MasterKey);
        var all = await reader.GetAllAsync("acme");
        var secret = Assert.Single(all);
        Assert.Equal(("portal-password", Value), (secret.Name, secret.Value));
        Assert.Equal(["portal.example.com"], secret.AllowedDomains);

        var info = Assert.Single(await reader.ListAsync("acme"));
        Assert.Equal("portal-password", info.Name);
        Assert.InRange(info.UpdatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var raw = await RawContentAsync();
        Assert.NotEmpty(raw);
        Assert.Equal(-1, raw.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Value)));
    }

    [Fact]
    public async Task Overwrite_ReplacesValueAndDomains_TenantsAreSeparate_AndDeleteSaysWhetherItExisted()
    {
        var vault = await OpenAsync(MasterKey);
        await vault.SetAsync("acme", "token", "first", ["a.example"]);
        await vault.SetAsync("acme", "token", "second", ["b.example", "c.example"]);
        await vault.SetAsync("globex", "token", "theirs", []);
        await vault.SetAsync("acme", "another", "x", []);

        var acme = (await vault.GetAllAsync("acme")).ToDictionary(s => s.Name);
        Assert.Equal(2, acme.Count);
        Assert.Equal("second", acme["token"].Value);
        Assert.Equal(["b.example", "c.example"], acme["token"].AllowedDomains);
        Assert.Equal(["another", "token"], (await vault.ListAsync("acme")).Select(s => s.Name));
        Assert.Equal("theirs", Assert.Single(await vault.GetAllAsync("globex")).Value);
        Assert.Empty(await vault.GetAllAsync("initech"));

        Assert.True(await vault.DeleteAsync("acme", "token"));
        Assert.False(await vault.DeleteAsync("acme", "token"));
        Assert.Equal(["another"], (await vault.ListAsync("acme")).Select(s => s.Name));
        Assert.Single(await vault.GetAllAsync("globex"));
    }

    [Fact]
    public async Task AProcessWithAnotherMasterKey_CannotDecryptTheSecrets()
    {
        await (await OpenAsync(MasterKey)).SetAsync("acme", "pin", Value, []);
        var stranger = await OpenAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => stranger.GetAllAsync("acme"));
    }
}

/// <summary>The embedded vault: one SQLite file.</summary>
public sealed class SqliteSecretVaultTests : SecretVaultContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rpa-tests", Guid.NewGuid().ToString("N"));

    protected override Task<ISecretVault> OpenAsync(string masterKey) =>
        Task.FromResult<ISecretVault>(new SqliteSecretVault(
            new SqliteDatabase(Options.Create(new RpaOptions { DataDirectory = _directory })), Protector(masterKey, _directory)));

    protected override async Task<byte[]> RawContentAsync()
    {
        // SQLite keeps recent writes in its write-ahead log: read the database file and the log.
        var bytes = new List<byte>();
        foreach (var file in Directory.GetFiles(_directory, "*.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            bytes.AddRange(memory.ToArray());
        }
        return [.. bytes];
    }
}

/// <summary>The cluster vault: PostgreSQL (the test server ./rpa test starts), one service id per test.</summary>
public sealed class PostgresSecretVaultTests : SecretVaultContract
{
    private readonly RpaClusterOptions _cluster = new()
    {
        Postgres = ClusterServices.Postgres,
        ServiceId = "vault-test-" + Guid.NewGuid().ToString("N")[..10],
    };

    protected override async Task<ISecretVault> OpenAsync(string masterKey)
    {
        await new PostgresSchema(Options.Create(_cluster), NullLogger<PostgresSchema>.Instance).ApplyAsync(CancellationToken.None);
        return new PostgresSecretVault(Options.Create(_cluster), Protector(masterKey, Path.GetTempPath()));
    }

    protected override async Task<byte[]> RawContentAsync()
    {
        await using var connection = new NpgsqlConnection(_cluster.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT convert_to(tenant_id || name || domains, 'UTF8') || data FROM rpa_secrets WHERE service_id = @s", connection);
        command.Parameters.AddWithValue("s", _cluster.ServiceId);
        var bytes = new List<byte>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bytes.AddRange(reader.GetFieldValue<byte[]>(0));
        return [.. bytes];
    }
}
