using System.Diagnostics;
using RpaOrleans.Tests.Infrastructure;
using Xunit.Abstractions;
using static RpaOrleans.Tests.Cluster.ClusterSessions;

namespace RpaOrleans.Tests.Cluster;

/// <summary>SIGTERM on a silo: it stops taking sessions, checkpoints its own and hands them over.</summary>
[Collection(ClusterGroup.Name)]
public sealed class SiloShutdownTests(ITestOutputHelper output)
{
    private const int Sessions = 6;
    // Clicks alternating with 2.5 s waits: every session lasts at least 20 s, so all six are still running
    // together when the silo is stopped, however fast or slow this machine starts and steps them.
    private const int PlanSteps = 16;
    private const int PauseMs = 2_500;

    [Fact]
    public async Task StoppingASiloGracefully_HandsItsSessionsOver_AndTheOtherSilosSessionsKeepTheirActivations()
    {
        await using var cluster = await ProcessCluster.StartAsync(Sessions, Sessions);
        using var api = cluster.Client();
        try
        {
            var ids = await CreateAsync(api, Sessions, _ => TestPlans.Paced(cluster.WebHost.Url, PlanSteps, PauseMs));
            await Eventually.WaitForAsync(() => ReadAsync(api, ids), s => s.Values.All(x => Status(x) == "running" && Steps(x) >= 2),
                TimeSpan.FromSeconds(90), "all sessions running");
            var slots = Slots(await cluster.StatusAsync());
            var leaving = cluster.Silos.First(s => slots.Single(x => x.Key.StartsWith(cluster.AddressOf(s), StringComparison.Ordinal)).Value.InUse > 0);
            var onLeaving = slots.Single(x => x.Key.StartsWith(cluster.AddressOf(leaving), StringComparison.Ordinal)).Value.InUse;
            var before = await ReadAsync(api, ids);

            var clock = Stopwatch.StartNew();
            await leaving.TerminateAsync(TimeSpan.FromSeconds(60));
            var exitMs = clock.ElapsedMilliseconds;
            await Eventually.WaitForAsync(() => ReadAsync(api, ids),
                s => s.Values.Where(x => Recoveries(x) > 0).Count(x => Steps(x) > Steps(before[x["id"]!.GetValue<string>()])) == onLeaving,
                TimeSpan.FromSeconds(60), "every handed-over session's next step");
            var resumedMs = clock.ElapsedMilliseconds;
            var line = $"graceful shutdown: SIGTERM to exit {exitMs} ms, to all {onLeaving} handed-over sessions stepping again {resumedMs} ms";
            var handover = File.ReadLines(leaving.LogPath).LastOrDefault(l => l.Contains("Handed over", StringComparison.Ordinal)) ?? "";
            var from = Math.Max(0, handover.IndexOf("Handed over", StringComparison.Ordinal));
            var to = handover.IndexOf('"', from);
            Measurements.Report(output, $"{line}; silo log: {(to > from ? handover[from..to] : handover[from..])}");

            var done = await Eventually.WaitForAsync(() => ReadAsync(api, ids), s => s.Values.All(ApiClient.IsTerminal),
                TimeSpan.FromSeconds(180), "every session to finish");
            Assert.All(done.Values, s => Assert.True(Status(s) == "succeeded", s.ToJsonString()));
            Assert.Equal(onLeaving, done.Values.Count(s => Recoveries(s) == 1));
            Assert.Equal(Sessions - onLeaving, done.Values.Count(s => Recoveries(s) == 0));
            foreach (var id in ids)
                Assert.Equal(Enumerable.Range(0, PlanSteps + 1), (await api.StepsAsync(id)).Select(s => s!["index"]!.GetValue<int>()));
            Assert.Contains("Handed over", File.ReadAllText(leaving.LogPath), StringComparison.Ordinal);

            // The leaving silo told the others' crash watch it was going, so none took it for a crash.
            var others = cluster.OthersThan(leaving);
            Assert.All(others, n => Assert.DoesNotContain("declaring it dead", n.LogText(), StringComparison.Ordinal));
            Assert.Contains(others, n => n.LogText().Contains("said it is leaving", StringComparison.Ordinal));
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }
}
