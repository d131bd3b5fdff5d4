using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using RpaOrleans.Browser;

namespace RpaOrleans.Capacity;

/// <summary>
/// Reports this silo's slots to the board (twice a second and on every change) and, when the silo
/// stops, drains it: no new leases, every local session checkpoints after its step in flight and
/// moves to another silo, then the silo goes.
/// </summary>
public sealed partial class SiloCapacityService(
    BrowserPool browsers,
    SlotBoardCache cache,
    CrashWatch crashWatch,
    ILocalSiloDetails local,
    IGrainFactory grains,
    IOptions<SiloOptions> silo,
    ILogger<SiloCapacityService> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(25);
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloCapacityService), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        cache.LocalSilo = local.SiloAddress;
        browsers.SlotsChanged += Signal;
        _loop = Task.Run(ReportLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void Signal()
    {
        if (_changed.CurrentCount == 0)
        {
            try { _changed.Release(); } catch (SemaphoreFullException) { }
        }
    }

    private async Task ReportLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await ReportAsync();
            try
            {
                await _changed.WaitAsync(Period, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReportAsync()
    {
        try
        {
            var slots = new SiloSlots(local.SiloAddress, browsers.Capacity, browsers.InUse, browsers.Draining, DateTimeOffset.UtcNow, crashWatch.Port);
            cache.Update(await grains.GetGrain<ISlotBoardGrain>(AdmissionKeys.Board).ReportAsync(slots));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReportFailed(ex.Message);
        }
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        browsers.SlotsChanged -= Signal;
        if (browsers.Capacity > 0) await DrainAsync(cancellationToken);
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        browsers.Draining = true;
        await ReportAsync();
        var sessions = browsers.LeasedSessions;
        if (sessions.Count == 0) return;
        var clock = Stopwatch.StartNew();
        LogDraining(silo.Value.SiloName, sessions.Count);
        await Task.WhenAll(sessions.Select(async id =>
        {
            try
            {
                await grains.GetGrain<ISessionGrain>(id).HandOverAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHandOverFailed(id, ex.Message);
            }
        }));
        var deadline = DateTime.UtcNow + DrainPatience;
        while (browsers.InUse > 0 && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            await Task.Delay(50, CancellationToken.None);
        LogDrained(sessions.Count, browsers.InUse, clock.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reporting slots failed: {Reason}")]
    private partial void LogReportFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} is stopping: handing over {Count} sessions")]
    private partial void LogDraining(string silo, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing over session {SessionId} failed: {Reason}")]
    private partial void LogHandOverFailed(string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed over {Count} sessions ({Left} still leased) in {ElapsedMs} ms")]
    private partial void LogDrained(int count, int left, long elapsedMs);
}
