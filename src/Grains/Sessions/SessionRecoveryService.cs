using Microsoft.Extensions.Hosting;
using RpaOrleans.Browser;
using RpaOrleans.Storage;

namespace RpaOrleans.Sessions;

/// <summary>
/// After the silo starts, wakes every session that had not finished, so sessions running when the
/// process stopped continue from their last checkpoint.
/// </summary>
public sealed partial class SessionRecoveryService(
    IGrainFactory grains, ISessionStore store, BrowserPool browsers, IHostApplicationLifetime lifetime, ILogger<SessionRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (browsers.Capacity == 0) return;
        // Grain calls before the silo has joined fail (in cluster mode the membership table is not read yet).
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        IReadOnlyList<string> unfinished;
        try
        {
            unfinished = await store.ListUnfinishedAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
            return;
        }
        if (unfinished.Count == 0) return;
        LogWaking(unfinished.Count);
        foreach (var id in unfinished)
        {
            if (stoppingToken.IsCancellationRequested) return;
            try
            {
                await grains.GetGrain<ISessionGrain>(id).WakeAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWakeFailed(id, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waking {Count} unfinished sessions")]
    private partial void LogWaking(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake session {SessionId}")]
    private partial void LogWakeFailed(string sessionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Listing unfinished sessions failed")]
    private partial void LogFailed(Exception exception);
}
