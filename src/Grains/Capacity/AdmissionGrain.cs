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

    private AdmissionState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => S.Queue.Count > 0 ? DispatchAsync() : Task.CompletedTask,
            new GrainTimerCreationOptions(Recheck, Recheck) { Interleave = false, KeepAlive = true });
        return Task.CompletedTask;
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} of {TenantId} queued with priority {Priority}")]
    private partial void LogQueued(string sessionId, string tenantId, int priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admitted {Count} sessions ({Admitted}/{Capacity} slots, {Queued} waiting)")]
    private partial void LogAdmitted(int count, int admitted, int capacity, int queued);
}
