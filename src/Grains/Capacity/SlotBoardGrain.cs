namespace RpaOrleans.Capacity;

/// <summary>
/// Holds the last report of every silo. Reports older than <see cref="Stale"/> are dropped (a dead
/// silo stops reporting). When the usable capacity grows, the admission queue is told.
/// </summary>
public sealed class SlotBoardGrain : Grain, ISlotBoardGrain
{
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(3);
    private readonly Dictionary<SiloAddress, SiloSlots> _silos = [];
    private int _lastCapacity;

    public Task<IReadOnlyList<SiloSlots>> ReportAsync(SiloSlots slots)
    {
        _silos[slots.Silo] = slots;
        var board = Current();
        var capacity = board.Where(s => !s.Draining).Sum(s => s.Capacity);
        if (capacity > _lastCapacity)
            GrainFactory.GetGrain<IAdmissionGrain>(AdmissionKeys.Cluster).DispatchAsync().Ignore();
        _lastCapacity = capacity;
        return Task.FromResult(board);
    }

    public Task<IReadOnlyList<SiloSlots>> GetAsync() => Task.FromResult(Current());

    private IReadOnlyList<SiloSlots> Current()
    {
        var cutoff = DateTimeOffset.UtcNow - Stale;
        foreach (var stale in _silos.Values.Where(s => s.ReportedAt < cutoff).Select(s => s.Silo).ToList()) _silos.Remove(stale);
        return [.. _silos.Values.OrderBy(s => s.Silo.ToString(), StringComparer.Ordinal)];
    }
}
