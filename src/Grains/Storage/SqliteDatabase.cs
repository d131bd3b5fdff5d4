using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RpaOrleans.Hosting;

namespace RpaOrleans.Storage;

/// <summary>The embedded mode's single SQLite file: grain state, sessions, steps and audit.</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _ready;

    public SqliteDatabase(IOptions<RpaOptions> options)
    {
        var directory = Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "rpa.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_ready) await EnsureSchemaAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_ready) return;
            await using var connection = await OpenRawAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _ready = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       INTEGER NOT NULL,
            data       BLOB NOT NULL,
            PRIMARY KEY (state_name, grain_id));
        CREATE TABLE IF NOT EXISTS sessions (
            id          TEXT PRIMARY KEY,
            tenant_id   TEXT NOT NULL,
            status      TEXT NOT NULL,
            goal        TEXT,
            created_at  INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL,
            terminal    INTEGER NOT NULL,
            snapshot    TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_sessions_tenant_created ON sessions (tenant_id, created_at DESC);
        CREATE INDEX IF NOT EXISTS ix_sessions_terminal ON sessions (terminal, created_at);
        CREATE TABLE IF NOT EXISTS steps (
            session_id TEXT NOT NULL,
            idx        INTEGER NOT NULL,
            record     TEXT NOT NULL,
            PRIMARY KEY (session_id, idx));
        CREATE TABLE IF NOT EXISTS audit (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            at         INTEGER NOT NULL,
            tenant_id  TEXT NOT NULL,
            actor      TEXT NOT NULL,
            action     TEXT NOT NULL,
            session_id TEXT,
            detail     TEXT);
        CREATE INDEX IF NOT EXISTS ix_audit_tenant ON audit (tenant_id, seq DESC);
        CREATE TABLE IF NOT EXISTS secrets (
            tenant_id  TEXT NOT NULL,
            name       TEXT NOT NULL,
            data       BLOB NOT NULL,
            domains    TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, name));
        """;
}
