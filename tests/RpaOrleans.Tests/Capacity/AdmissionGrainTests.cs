using System.Net;
using RpaOrleans.Capacity;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Capacity;

/// <summary>
/// The admission queue on an in-process cluster. Tests in this collection run one after another
/// and each starts from an empty queue (it releases what it admitted).
/// </summary>
[Collection(AdmissionClusterGroup.Name)]
public sealed class AdmissionGrainTests(AdmissionClusterFixture fixture)
{
    private static int _port = 20000;

    private IGrainFactory Grains => fixture.Cluster.Client;

    private IAdmissionGrain Admission => Grains.GetGrain<IAdmissionGrain>(AdmissionKeys.Cluster);

    private static string NewId(string name) => $"{name}-{Guid.NewGuid():N}";

    /// <summary>Waits until the made-up silos of earlier tests went stale: the cluster has no capacity.</summary>
    private async Task NoCapacityAsync() => await Eventually.WaitForAsync(Grains.GetGrain<ISlotBoardGrain>(AdmissionKeys.Board).GetAsync,
        b => b.Where(s => !s.Draining).Sum(s => s.Capacity) == 0, TimeSpan.FromSeconds(10), "an empty slot board");

    /// <summary>A made-up browser silo on the board (reports go stale after 3 s, so tests report again as they go).</summary>
    private async Task<SiloAddress> ReportSiloAsync(int capacity, SiloAddress? silo = null)
    {
        silo ??= SiloAddress.New(IPAddress.Loopback, Interlocked.Increment(ref _port), 1);
        await Grains.GetGrain<ISlotBoardGrain>(AdmissionKeys.Board).ReportAsync(new SiloSlots(silo, capacity, 0, false, DateTimeOffset.UtcNow));
        return silo;
    }

    [Fact]
    public async Task QueuedSessions_AreAdmitted_ByPriorityThenArrival_AsPlacesFree()
    {
        await NoCapacityAsync();
        var silo = await ReportSiloAsync(1);
        var blocker = NewId("blocker");
        Assert.True(await Admission.RequestAsync(blocker, "acme", 0));
        var low = NewId("low");
        var high1 = NewId("high1");
        var mid = NewId("mid");
        var high2 = NewId("high2");
        foreach (var (id, priority) in new[] { (low, 0), (high1, 5), (mid, 1), (high2, 5) })
            Assert.False(await Admission.RequestAsync(id, "acme", priority));
        Assert.Equal(4, (await Admission.GetSnapshotAsync()).QueuedByTenant["acme"]);

        var order = new List<string>();
        var holder = blocker;
        for (var i = 0; i < 4; i++)
        {
            await ReportSiloAsync(1, silo);
            await Admission.ReleaseAsync(holder);
            var next = new[] { low, high1, mid, high2 }.Except(order).ToList();
            var admitted = new List<string>();
            foreach (var id in next) if (await Admission.RequestAsync(id, "acme", 0)) admitted.Add(id);
            holder = Assert.Single(admitted);
            order.Add(holder);
        }
        Assert.Equal([high1, high2, mid, low], order);
        await Admission.ReleaseAsync(holder);
        Assert.Empty((await Admission.GetSnapshotAsync()).QueuedByTenant);
    }

    [Fact]
    public async Task ATenantAtItsQuota_Waits_WhileOtherTenantsAreAdmitted()
    {
        await NoCapacityAsync();
        await ReportSiloAsync(10);
        var first = NewId("q1");
        var second = NewId("q2");
        var other = NewId("other");
        Assert.True(await Admission.RequestAsync(first, AdmissionClusterFixture.LimitedTenant, 0));
        Assert.False(await Admission.RequestAsync(second, AdmissionClusterFixture.LimitedTenant, 100));
        Assert.True(await Admission.RequestAsync(other, "acme", 0));
        var snapshot = await Admission.GetSnapshotAsync();
        Assert.Equal(1, snapshot.QueuedByTenant[AdmissionClusterFixture.LimitedTenant]);
        Assert.Equal(1, snapshot.AdmittedByTenant[AdmissionClusterFixture.LimitedTenant]);

        await ReportSiloAsync(10);
        await Admission.ReleaseAsync(first);
        Assert.True(await Admission.RequestAsync(second, AdmissionClusterFixture.LimitedTenant, 100));
        await Admission.ReleaseAsync(second);
        await Admission.ReleaseAsync(other);
    }

    [Fact]
    public async Task NewCapacityOnTheBoard_AdmitsTheWaitingSessions()
    {
        await NoCapacityAsync();
        var silo = await ReportSiloAsync(1);
        var running = NewId("running");
        var waiting = NewId("waiting");
        Assert.True(await Admission.RequestAsync(running, "acme", 0));
        Assert.False(await Admission.RequestAsync(waiting, "acme", 0));

        // A second silo reports: the board tells the queue, which admits without being asked again.
        await ReportSiloAsync(1, silo);
        await ReportSiloAsync(1);
        await Eventually.WaitForAsync(Admission.GetSnapshotAsync, s => !s.QueuedByTenant.ContainsKey("acme"),
            TimeSpan.FromSeconds(5), "the waiting session to be admitted");
        Assert.True(await Admission.RequestAsync(waiting, "acme", 0));
        await Admission.ReleaseAsync(running);
        await Admission.ReleaseAsync(waiting);
    }
}
