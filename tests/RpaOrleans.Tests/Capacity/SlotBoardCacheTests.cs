using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RpaOrleans.Browser;
using RpaOrleans.Capacity;
using RpaOrleans.Safety;

namespace RpaOrleans.Tests.Capacity;

/// <summary>The placement choice a silo makes from its copy of the slot board.</summary>
public sealed class SlotBoardCacheTests
{
    private static readonly SiloAddress WebHost = SiloAddress.New(IPAddress.Loopback, 11001, 1);
    private static readonly SiloAddress A = SiloAddress.New(IPAddress.Loopback, 11002, 1);
    private static readonly SiloAddress B = SiloAddress.New(IPAddress.Loopback, 11003, 1);

    private static SlotBoardCache Cache(params SiloSlots[] board)
    {
        var pool = new BrowserPool(Options.Create(new BrowserOptions { Capacity = 0 }),
            new NetworkGuard(Options.Create(new NetworkOptions())), NullLogger<BrowserPool>.Instance);
        var cache = new SlotBoardCache(pool) { LocalSilo = WebHost };
        cache.Update(board);
        return cache;
    }

    private static SiloSlots Slots(SiloAddress silo, int capacity, int inUse, bool draining = false) =>
        new(silo, capacity, inUse, draining, DateTimeOffset.UtcNow);

    [Fact]
    public void ABurstOfPlacements_FillsFreeSlotsEvenly_AndNeverPicksASiloWithoutBrowsers()
    {
        var cache = Cache(Slots(WebHost, 0, 0), Slots(A, 3, 0), Slots(B, 3, 1));
        var chosen = Enumerable.Range(0, 5).Select(_ => cache.Choose([WebHost, A, B])).ToList();
        Assert.Equal(3, chosen.Count(s => s!.Equals(A)));
        Assert.Equal(2, chosen.Count(s => s!.Equals(B)));
        Assert.DoesNotContain(WebHost, chosen);
    }

    [Fact]
    public void WhenEverySlotIsTaken_TheLeastLoadedBrowserSiloIsChosen()
    {
        var cache = Cache(Slots(WebHost, 0, 0), Slots(A, 2, 2), Slots(B, 8, 8));
        Assert.Equal(B, cache.Choose([WebHost, A, B]));
        Assert.False(cache.FreeSlotElsewhere());
    }

    [Fact]
    public void DrainingAndIncompatibleSilos_AreSkipped()
    {
        var cache = Cache(Slots(A, 4, 0, draining: true), Slots(B, 4, 3));
        Assert.Equal(B, cache.Choose([A, B]));
        Assert.Null(cache.Choose([A]));
        Assert.Null(Cache().Choose([A, B]));
    }
}
