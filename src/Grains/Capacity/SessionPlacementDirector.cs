using Orleans.Runtime.Placement;

namespace RpaOrleans.Capacity;

/// <summary>
/// Picks the silo for a new session activation from the live slot board: never a silo without
/// browsers (the web host), the one with the most free slots first. The board can be stale, so the
/// browser pool's own count is the hard limit: a session that finds no slot where it landed moves.
/// </summary>
public sealed class SessionPlacementDirector(SlotBoardCache cache, IGrainFactory grains) : IPlacementDirector
{
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        cache.LocalSilo ??= context.LocalSilo;
        if (cache.Board.Count == 0)
        {
            // Right after start this silo has not reported yet: ask once.
            cache.Update(await grains.GetGrain<ISlotBoardGrain>(AdmissionKeys.Board).GetAsync());
        }
        var chosen = cache.Choose(compatible);
        if (chosen is not null) return chosen;
        return compatible.Contains(context.LocalSilo) ? context.LocalSilo : compatible[Random.Shared.Next(compatible.Length)];
    }
}
