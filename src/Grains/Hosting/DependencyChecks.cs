using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;
using RpaOrleans.Storage;

namespace RpaOrleans.Hosting;

/// <summary>
/// What <c>/readyz</c> checks: the session store always, and in cluster mode Redis, PostgreSQL and
/// MongoDB, each with a short timeout so a dead dependency answers "failed", not a hang.
/// </summary>
public sealed class DependencyChecks(IServiceProvider services, IOptions<RpaOptions> rpa) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _redisLock = new(1, 1);
    private ConnectionMultiplexer? _redis;

    public async Task<Dictionary<string, string>> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, Func<CancellationToken, Task>>
        {
            ["store"] = ct => services.GetRequiredService<ISessionStore>().InitializeAsync(ct),
        };
        if (rpa.Value.Mode == RpaMode.Cluster)
        {
            var cluster = services.GetRequiredService<IOptions<RpaClusterOptions>>().Value;
            checks["redis"] = ct => PingRedisAsync(cluster.Redis, ct);
            checks["postgres"] = ct => PingPostgresAsync(cluster.Postgres, ct);
        }
        var results = await Task.WhenAll(checks.Select(async check => (check.Key, Result: await RunAsync(check.Value, cancellationToken))));
        return results.ToDictionary(r => r.Key == "store" && rpa.Value.Mode == RpaMode.Cluster ? "mongo" : r.Key, r => r.Result);
    }

    private static async Task<string> RunAsync(Func<CancellationToken, Task> check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await check(timeout.Token).WaitAsync(timeout.Token);
            return "ok";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "failed: no answer in time";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"failed: {ex.Message}";
        }
    }

    private async Task PingRedisAsync(string configuration, CancellationToken cancellationToken)
    {
        if (_redis is null)
        {
            await _redisLock.WaitAsync(cancellationToken);
            try
            {
                _redis ??= await ConnectionMultiplexer.ConnectAsync(ClusterSiloExtensions.RedisConfiguration(configuration));
            }
            finally
            {
                _redisLock.Release();
            }
        }
        await _redis.GetDatabase().PingAsync();
    }

    private static async Task PingPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
        _redisLock.Dispose();
    }
}
