using System.Collections.Concurrent;
using RpaOrleans.Browser;

namespace RpaOrleans.Capacity;

/// <summary>
/// This silo's copy of the slot board, refreshed by every report, plus the placements it made
/// since (so a burst of placements from one silo does not all pick the same "free" slot).
/// </summary>
public sealed class SlotBoardCache(BrowserPool browsers)
{
    private readonly ConcurrentDictionary<SiloAddress, int> _pending = new();
    private volatile IReadOnlyList<SiloSlots> _board = [];

    public IReadOnlyList<SiloSlots> Board => _board;

    public SiloAddress? LocalSilo { get; set; }

    public void Update(IReadOnlyList<SiloSlots> board)
    {
        _board = board;
        _pending.Clear();
    }

    /// <summary>
    /// The compatible silo with the most free slots (taking one of them), or, when every slot is
    /// taken, the least loaded browser silo (a queued session waits there without a slot).
    /// Null when no browser silo is known yet.
    /// </summary>
    public SiloAddress? Choose(IReadOnlyCollection<SiloAddress> compatible)
    {
        var candidates = _board
            .Where(s => s.Capacity > 0 && !s.Draining && compatible.Contains(s.Silo) && !IsLocalDraining(s.Silo))
            .Select(s => (s.Silo, Free: s.Free - _pending.GetValueOrDefault(s.Silo), Load: (double)(s.InUse + _pending.GetValueOrDefault(s.Silo) + 1) / s.Capacity))
            .ToList();
        if (candidates.Count == 0) return null;
        var mostFree = candidates.Max(c => c.Free);
        if (mostFree > 0)
        {
            var best = candidates.Where(c => c.Free == mostFree).ToList();
            var chosen = best[Random.Shared.Next(best.Count)].Silo;
            _pending.AddOrUpdate(chosen, 1, (_, n) => n + 1);
            return chosen;
        }
        // The load one more waiting session would add, so bigger silos take more of the queue.
        var least = candidates.MinBy(c => c.Load).Silo;
        _pending.AddOrUpdate(least, 1, (_, n) => n + 1);
        return least;
    }

    /// <summary>Whether another silo reported a free slot: worth moving a session that found none here.</summary>
    public bool FreeSlotElsewhere() => _board.Any(s => !s.Silo.Equals(LocalSilo) && s.Free > 0);

    private bool IsLocalDraining(SiloAddress silo) => browsers.Draining && silo.Equals(LocalSilo);
}
