using System.Data.Common;
using Npgsql;
using Orleans.Storage;

namespace RpaOrleans.Storage.Postgres;

/// <summary>
/// Wraps the ADO.NET grain storage so a PostgreSQL restart or failover pauses a write instead of
/// failing the session: transient database errors are retried with backoff for up to
/// <see cref="Patience"/>. Version conflicts and anything that is not the database's fault pass through.
/// </summary>
public sealed partial class ResilientGrainStorage(IGrainStorage inner, ILogger<ResilientGrainStorage> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RetryAsync("read", grainId, () => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RetryAsync("write", grainId, () => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RetryAsync("clear", grainId, () => inner.ClearStateAsync(stateName, grainId, grainState));

    private async Task RetryAsync(string operation, GrainId grainId, Func<Task> attempt)
    {
        var deadline = DateTime.UtcNow + Patience;
        var delay = TimeSpan.FromMilliseconds(200);
        for (var tries = 1; ; tries++)
        {
            try
            {
                await attempt();
                if (tries > 1) LogRecovered(operation, grainId, tries);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && DateTime.UtcNow + delay < deadline)
            {
                LogRetrying(operation, grainId, tries, ex.GetBaseException().Message);
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        InconsistentStateException => false,
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException or DbException or TimeoutException => true,
        _ when ex.InnerException is { } inner => IsTransient(inner),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain state {Operation} of {GrainId} failed (try {Tries}): {Reason}; retrying")]
    private partial void LogRetrying(string operation, GrainId grainId, int tries, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain state {Operation} of {GrainId} succeeded after {Tries} tries")]
    private partial void LogRecovered(string operation, GrainId grainId, int tries);
}
