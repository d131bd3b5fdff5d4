using System.Reflection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using RpaOrleans.Hosting;

namespace RpaOrleans.Storage.Postgres;

/// <summary>
/// Applies <c>db/postgres/*.sql</c> (embedded in this assembly) before the ADO.NET providers read
/// their queries. The scripts are idempotent and take an advisory lock, so silos starting together
/// are safe; PostgreSQL not answering yet (compose start order) is retried for a while.
/// </summary>
public sealed partial class PostgresSchema(IOptions<RpaClusterOptions> options, ILogger<PostgresSchema> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(60);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchema), ServiceLifecycleStage.RuntimeInitialize, ApplyAsync);

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplySchema) return;
        var deadline = DateTime.UtcNow + StartupPatience;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(options.Value.Postgres);
                await connection.OpenAsync(cancellationToken);
                foreach (var (name, sql) in Scripts())
                {
                    await using var command = new NpgsqlCommand(sql, connection);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    LogApplied(name);
                }
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                LogWaiting(ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>The scripts in file-name order.</summary>
    public static IEnumerable<(string Name, string Sql)> Scripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("db.postgres.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name, reader.ReadToEnd());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Script}")]
    private partial void LogApplied(string script);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not reachable yet ({Reason}); retrying")]
    private partial void LogWaiting(string reason);
}
