using System.Diagnostics;
using RpaOrleans.Tests.Infrastructure;
using Xunit.Abstractions;
using static RpaOrleans.Tests.Cluster.ClusterSessions;

namespace RpaOrleans.Tests.Cluster;

/// <summary>Two silo processes and a web host: placement by capacity and recovery from kill -9.</summary>
[Collection(ClusterGroup.Name)]
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    // 12 sessions on two silos of 8 slots: both silos hold sessions (at least 4 each), and the survivor
    // keeps at least one free slot for a recovered session after the session created right after the
    // kill took one; the others resume as slots free up.
    private const int Capacity = 8;
    private const int Sessions = 12;
    private const int Waits = 14;

    // Each session lasts at least 14 × 1.5 s, so all twelve are still running together at the kill however
    // fast this machine steps (at 400 ms a wait, the first could finish before the last had started).
    private const int WaitMs = 1_500;

    /// <summary>Plan steps plus the closing finish.</summary>
    private const int StepsPerSession = 2 + Waits + 1 + 1;

    /// <param name="crashWatch">
    /// On (the default), the survivors see the victim's watch connection close and declare it dead at once; off, Orleans'
    /// probes alone find it, as they must when a silo's whole machine vanishes and nothing closes any connection.
    /// </param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task KillingASiloDuringTwelveSessions_EverySessionFinishesOnTheSurvivor_WithEachStepRecordedOnce(bool crashWatch)
    {
        // With the watch on, probes slow enough (5 s, so 10 s or more to declare a death) that only the watch can be
        // what noticed the crash; with it off, the suite's usual 1 s probes.
        await using var cluster = await ProcessCluster.StartAsync(
            crashWatch
                ? new Dictionary<string, string> { ["Cluster__FastCrashDetection"] = "true", ["Cluster__ProbeTimeout"] = "00:00:05" }
                : new Dictionary<string, string> { ["Cluster__FastCrashDetection"] = "false" },
            Capacity, Capacity);
        using var api = cluster.Client();
        await using var hub = await HubClient.ConnectAsync(cluster.WebHost.Url, TestKeys.Admin);
        await hub.SubscribeFleetAsync();
        try
        {
            // Each session saves its own note in localStorage and a cookie, then keeps stepping; its last step reads them back.
            var ids = await CreateAsync(api, Sessions, i => TestPlans.StorageThenWait(cluster.WebHost.Url, $"note-{i}", Waits, WaitMs));

            // Every session runs, spread over both silos, and no silo ever holds more than its slots.
            var overCapacity = new List<string>();
            var running = await Eventually.WaitForAsync(async () =>
            {
                foreach (var (silo, (inUse, slots)) in Slots(await cluster.StatusAsync()))
                    if (inUse > slots) overCapacity.Add($"{silo}: {inUse}/{slots}");
                return await ReadAsync(api, ids);
            }, s => s.Values.All(x => Status(x) == "running" && Steps(x) >= 2), TimeSpan.FromSeconds(90), "all sessions running");
            Assert.Empty(overCapacity);
            var slots = Slots(await cluster.StatusAsync());
            Assert.Equal(2, slots.Count);
            Assert.All(slots.Values, s => Assert.InRange(s.InUse, 1, Capacity));
            Assert.Equal(Sessions, slots.Values.Sum(s => s.InUse));

            // kill -9 the silo with more sessions.
            var victim = cluster.Silos.OrderByDescending(s => slots.Single(x => x.Key.StartsWith(cluster.AddressOf(s), StringComparison.Ordinal)).Value.InUse).First();
            var onVictim = slots.Single(x => x.Key.StartsWith(cluster.AddressOf(victim), StringComparison.Ordinal)).Value.InUse;
            var before = await ReadAsync(api, ids);
            var clock = Stopwatch.StartNew();
            var killedAt = DateTimeOffset.UtcNow;
            victim.Kill9();

            // The API stays responsive while the dead silo is detected: a new session is accepted promptly.
            var create = Stopwatch.StartNew();
            var late = (await api.CreateAsync(TestPlans.Slow(cluster.WebHost.Url, 3)))["id"]!.GetValue<string>();
            var createMs = create.ElapsedMilliseconds;

            // When the first recovered session was back on the survivor (its `recovered` event, stamped by the
            // grain: browser state restored, URL reopened, next step starting), when the dashboard's feed
            // delivered it, and when the first step after the crash completed (which includes that step's own
            // work, up to a 1.5 s wait).
            await Eventually.WaitForAsync(() => Task.FromResult(hub.Events.Any(e => e.Kind == "recovered")), seen => seen,
                TimeSpan.FromSeconds(60), "the first recovered event");
            var firstRecovered = hub.Events.Where(e => e.Kind == "recovered").MinBy(e => At(e.Message));
            var restoredMs = (At(firstRecovered.Message) - killedAt).TotalMilliseconds;
            var deliveredMs = (firstRecovered.ReceivedAt - killedAt).TotalMilliseconds;
            await Eventually.WaitForAsync(() => ReadAsync(api, ids),
                s => s.Any(x => Recoveries(x.Value) > 0 && Steps(x.Value) > Steps(before[x.Key])), TimeSpan.FromSeconds(60), "a recovered session's next step");
            var resumedMs = clock.ElapsedMilliseconds;
            Measurements.Report(output, $"kill -9 (crash watch {(crashWatch ? "on" : "off")}) to first session restored (next step starting): {restoredMs:0} ms, its recovered event on the hub: {deliveredMs:0} ms, a resumed step completed (REST): {resumedMs} ms ({onVictim} of {Sessions} sessions were on the killed silo); a session created right after the kill was accepted in {createMs} ms");

            var done = await Eventually.WaitForAsync(() => ReadAsync(api, ids), s => s.Values.All(ApiClient.IsTerminal),
                TimeSpan.FromSeconds(240), "every session to finish");
            Assert.All(done.Values, s => Assert.True(Status(s) == "succeeded", s.ToJsonString()));

            // Exactly the victim's sessions were recovered; the survivor's kept their activations.
            Assert.Equal(onVictim, done.Values.Count(s => Recoveries(s) == 1));
            Assert.Equal(Sessions - onVictim, done.Values.Count(s => Recoveries(s) == 0));

            // Each plan step (plus the closing finish) is recorded exactly once, in order.
            foreach (var id in ids)
            {
                var steps = await api.StepsAsync(id);
                Assert.Equal(Enumerable.Range(0, StepsPerSession), steps.Select(s => s!["index"]!.GetValue<int>()));
                Assert.All(steps, s => Assert.True(s!["ok"]!.GetValue<bool>(), s.ToJsonString()));
            }

            // The browser state came back on the survivor: each session, recovered or not, still holds its
            // own note in localStorage and in its cookie (and nobody else's) when it reads them at the end.
            for (var i = 0; i < ids.Count; i++)
            {
                var dump = done[ids[i]]["result"]!["dump"]!.GetValue<string>();
                Assert.Contains($"localStorage[\"demo-note\"]: note-{i}\n", dump + "\n", StringComparison.Ordinal);
                Assert.Matches($@"demo_note=note-{i}(;|$)", dump);
            }
            Assert.True(resumedMs < 15_000, $"resumed after {resumedMs} ms");
            Assert.True(createMs < 10_000, $"creating a session right after the kill took {createMs} ms");
            Assert.Equal("succeeded", Status(await api.WaitForEndAsync(late, TimeSpan.FromSeconds(60))));

            // Who noticed: with the crash watch, a survivor declared the victim dead the moment its process was gone;
            // without it, nobody claims to have (Orleans' probes did).
            var victimAddress = "S" + cluster.AddressOf(victim).TrimEnd('@') + ":";
            var declarations = cluster.OthersThan(victim)
                .SelectMany(n => n.LogText().Split('\n')).Where(l => l.Contains("declaring it dead", StringComparison.Ordinal)).ToList();
            if (crashWatch) Assert.True(declarations.Any(l => l.Contains(victimAddress, StringComparison.Ordinal)), "no survivor declared " + victimAddress + " dead:\n" + cluster.Logs());
            else Assert.Empty(declarations);

            // The dashboard's feed kept working: the web host relayed every recovery and the steps after it.
            var recovered = hub.Events.Where(e => e.Kind == "recovered").Select(e => e.Message["sessionId"]!.GetValue<string>()).Distinct().ToList();
            Assert.Equal(onVictim, recovered.Count);
            Assert.All(recovered, id => Assert.Contains(hub.For(id), e => e.Kind == "finished"));

            // How far behind the feed ran after the crash: event time (stamped by the grain) to arrival.
            var lags = hub.Events.Where(e => At(e.Message) > killedAt).Select(e => (e.ReceivedAt - At(e.Message)).TotalMilliseconds).Order().ToList();
            var p95 = lags[(int)(lags.Count * 0.95)];
            Measurements.Report(output, $"hub events after the kill: {lags.Count}, delivery lag p50 {lags[lags.Count / 2]:0} ms, p95 {p95:0} ms, max {lags[^1]:0} ms");
            // The stream re-reads a queue that was on the dead silo within about a second (Orleans' own
            // default waits 10-20 s, which left the feed that far behind for every session).
            Assert.True(p95 < 5_000, $"the live feed ran {p95:0} ms behind (p95) after the kill");
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }

    private static DateTimeOffset At(System.Text.Json.Nodes.JsonObject message) =>
        DateTimeOffset.Parse(message["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
