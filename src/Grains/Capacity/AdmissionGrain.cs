using Microsoft.Extensions.Options;

namespace RpaOrleans.Capacity;

/// <summary>
/// The durable admission queue. Capacity is the sum of the browser slots the board reports for
/// silos that are not draining; a session is admitted while admitted sessions fit it and its
/// tenant is under quota. The queue is ordered by priority (higher first), then arrival.
/// </summary>
public sealed partial class AdmissionGrain(
    [PersistentState("admission", StorageNames.Sessions)] IPersistentState<AdmissionState> state,
    IOptions<AdmissionOptions> options,
    ILogger<AdmissionGrain> logger) : Grain, IAdmissionGrain
{
    /// <summary>A safety net for a missed capacity signal while sessions wait.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);

    /// <summary>How often places held by sessions that ended without releasing them are reclaimed.</summary>
    private static readonly TimeSpan Reconcile = TimeSpan.FromSeconds(30);

    private AdmissionState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => S.Queue.Count > 0 ? DispatchAsync() : Task.CompletedTask,
            new GrainTimerCreationOptions(Recheck, Recheck) { Interleave = false, KeepAlive = true });
        this.RegisterGrainTimer(ReconcileAsync, new GrainTimerCreationOptions(Reconcile, Reconcile) { Interleave = false, KeepAlive = true });
        return Task.CompletedTask;
    }

    /// <summary>
    /// A session whose release was lost (its silo died between finishing and telling us) would hold
    /// its place for ever: ask every admitted or queued session for its state and drop the finished.
    /// </summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var ids = S.Admitted.Keys.Concat(S.Queue.Select(q => q.SessionId)).ToList();
        var finished = new List<string>();
        foreach (var chunk in ids.Chunk(32))
        {
            var states = await Task.WhenAll(chunk.Select(async id =>
            {
                try
                {
                    var snapshot = await GrainFactory.GetGrain<ISessionGrain>(id).GetSnapshotAsync();
                    return (id, Finished: snapshot is null || snapshot.Status.IsTerminal());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return (id, Finished: false);
                }
            }));
            finished.AddRange(states.Where(s => s.Finished).Select(s => s.id));
        }
        if (finished.Count == 0) return;
        foreach (var id in finished)
        {
            S.Admitted.Remove(id);
            S.Queue.RemoveAll(q => q.SessionId == id);
        }
        LogReclaimed(finished.Count);
        var admitted = await AdmitAsync();
        await state.WriteStateAsync(cancellationToken);
        Wake(admitted);
    }

    public async Task<bool> RequestAsync(string sessionId, string tenantId, int priority)
    {
        if (S.Admitted.ContainsKey(sessionId)) return true;
        if (!S.Queue.Any(q => q.SessionId == sessionId))
        {
            S.Queue.Add(new QueuedSession(sessionId, tenantId, priority, S.NextSequence++));
            LogQueued(sessionId, tenantId, priority);
        }
        var admitted = await AdmitAsync();
        await state.WriteStateAsync();
        admitted.Remove(sessionId);
        Wake(admitted);
        return S.Admitted.ContainsKey(sessionId);
    }

    public async Task ReleaseAsync(string sessionId)
    {
        var removed = S.Admitted.Remove(sessionId) | S.Queue.RemoveAll(q => q.SessionId == sessionId) > 0;
        if (!removed) return;
        var admitted = await AdmitAsync();
        await state.WriteStateAsync();
        Wake(admitted);
    }

    public async Task DispatchAsync()
    {
        if (S.Queue.Count == 0) return;
        var admitted = await AdmitAsync();
        if (admitted.Count == 0) return;
        await state.WriteStateAsync();
        Wake(admitted);
    }

    public async Task<AdmissionSnapshot> GetSnapshotAsync() => new(
        S.Queue.GroupBy(q => q.TenantId).ToDictionary(g => g.Key, g => g.Count()),
        S.Admitted.GroupBy(a => a.Value).ToDictionary(g => g.Key, g => g.Count()),
        await CapacityAsync());

    /// <summary>Moves what fits from the queue to the admitted set; answers the ids admitted now.</summary>
    private async Task<List<string>> AdmitAsync()
    {
        var capacity = await CapacityAsync();
        var admitted = new List<string>();
        var perTenant = S.Admitted.GroupBy(a => a.Value).ToDictionary(g => g.Key, g => g.Count());
        foreach (var next in S.Queue.OrderByDescending(q => q.Priority).ThenBy(q => q.Sequence).ToList())
        {
            if (S.Admitted.Count >= capacity) break;
            var quota = options.Value.QuotaOf(next.TenantId);
            var running = perTenant.GetValueOrDefault(next.TenantId);
            if (quota > 0 && running >= quota) continue;
            S.Queue.Remove(next);
            S.Admitted[next.SessionId] = next.TenantId;
            perTenant[next.TenantId] = running + 1;
            admitted.Add(next.SessionId);
        }
        if (admitted.Count > 0) LogAdmitted(admitted.Count, S.Admitted.Count, capacity, S.Queue.Count);
        return admitted;
    }

    private async Task<int> CapacityAsync()
    {
        var board = await GrainFactory.GetGrain<ISlotBoardGrain>(AdmissionKeys.Board).GetAsync();
        return board.Where(s => !s.Draining).Sum(s => s.Capacity);
    }

    private void Wake(List<string> sessions)
    {
        foreach (var id in sessions) GrainFactory.GetGrain<ISessionGrain>(id).WakeAsync().Ignore();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reclaimed the places of {Count} sessions that ended without releasing them")]
    private partial void LogReclaimed(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} of {TenantId} queued with priority {Priority}")]
    private partial void LogQueued(string sessionId, string tenantId, int priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admitted {Count} sessions ({Admitted}/{Capacity} slots, {Queued} waiting)")]
    private partial void LogAdmitted(int count, int admitted, int capacity, int queued);
}
