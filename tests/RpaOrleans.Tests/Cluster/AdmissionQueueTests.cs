using RpaOrleans.Tests.Infrastructure;
using Xunit.Abstractions;
using static RpaOrleans.Tests.Cluster.ClusterSessions;

namespace RpaOrleans.Tests.Cluster;

/// <summary>Sessions beyond the cluster's slots wait in the durable queue; a silo joining drains it.</summary>
[Collection(ClusterGroup.Name)]
public sealed class AdmissionQueueTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SessionsBeyondCapacityWaitQueued_AndAThirdSiloJoiningStartsThem()
    {
        await using var cluster = await ProcessCluster.StartAsync(2);
        using var api = cluster.Client();
        try
        {
            var running = await CreateAsync(api, 2, _ => TestPlans.Slow(cluster.WebHost.Url, 60));
            await Eventually.WaitForAsync(() => ReadAsync(api, running), s => s.Values.All(x => Status(x) == "running"),
                TimeSpan.FromSeconds(60), "the first two sessions running");
            var waiting = await CreateAsync(api, 3, _ => TestPlans.Slow(cluster.WebHost.Url, 3));

            // The queue holds them (no polling, no slot taken) and the admin view counts them.
            var status = await Eventually.WaitForAsync(cluster.StatusAsync, s => s["queueDepth"]!.GetValue<int>() == 3,
                TimeSpan.FromSeconds(20), "three queued sessions");
            Assert.Equal(3, status["queuedByTenant"]!["acme"]!.GetValue<int>());
            Assert.Equal(2, status["slotsInUse"]!.GetValue<int>());
            Assert.All((await ReadAsync(api, waiting)).Values, s => Assert.Equal("queued", Status(s)));

            await cluster.AddSiloAsync(3);
            var started = await Eventually.WaitForAsync(() => ReadAsync(api, waiting), s => s.Values.All(ApiClient.IsTerminal),
                TimeSpan.FromSeconds(90), "the queued sessions to run on the new silo");
            Assert.All(started.Values, s => Assert.Equal("succeeded", Status(s)));
            // They ran on the new capacity, not on slots freed by the first two.
            Assert.All((await ReadAsync(api, running)).Values, s => Assert.Equal("running", Status(s)));
            Assert.Equal(0, (await cluster.StatusAsync())["queueDepth"]!.GetValue<int>());
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }
}
