using Orleans.Configuration;
using RpaOrleans.Storage;

namespace RpaOrleans.Capacity;

/// <summary>
/// Wakes the sessions of a silo as soon as membership declares it dead, instead of waiting for
/// their recovery reminders (at most a minute). One survivor does it: the active silo with the
/// lowest address. Waking is idempotent: a session that is alive elsewhere just continues.
/// </summary>
public sealed partial class OrphanWaker(
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    IGrainFactory grains,
    ISessionStore store,
    ILogger<OrphanWaker> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _watch;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OrphanWaker), ServiceLifecycleStage.Active, _ =>
        {
            _watch = Task.Run(WatchAsync, CancellationToken.None);
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stop.CancelAsync();
            if (_watch is not null) await _watch;
        });

    private async Task WatchAsync()
    {
        HashSet<SiloAddress>? dead = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stop.Token))
            {
                if (dead is null)
                {
                    // Silos that died before this one joined are not news (entries stay for days).
                    dead = [.. snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress)];
                    continue;
                }
                var newlyDead = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress))
                    .Select(m => m.SiloAddress)
                    .ToList();
                if (newlyDead.Count == 0) continue;
                var waker = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active)
                    .Select(m => m.SiloAddress).OrderBy(a => a.ToString(), StringComparer.Ordinal).FirstOrDefault();
                if (!local.SiloAddress.Equals(waker)) continue;
                LogSiloDead(string.Join(", ", newlyDead));
                await WakeUnfinishedAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WakeUnfinishedAsync()
    {
        // Queued sessions may fit again once the dead silo's slots are gone from the board; don't wait on it.
        grains.GetGrain<IAdmissionGrain>(AdmissionKeys.Cluster).DispatchAsync().Ignore();
        IReadOnlyList<string> unfinished;
        try
        {
            unfinished = await store.ListUnfinishedAsync(_stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWakeFailed("history", ex.Message);
            return;
        }
        LogWaking(unfinished.Count);
        await Parallel.ForEachAsync(unfinished, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = _stop.Token }, async (id, _) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await grains.GetGrain<ISessionGrain>(id).WakeAsync();
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException && attempt < 3)
                {
                    await Task.Delay(200 * attempt, _stop.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogWakeFailed(id, ex.Message);
                    return;
                }
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silos} declared dead: waking its sessions here")]
    private partial void LogSiloDead(string silos);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waking {Count} unfinished sessions")]
    private partial void LogWaking(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking {What} failed: {Reason}")]
    private partial void LogWakeFailed(string what, string reason);
}
