namespace RpaOrleans.Bench;

/// <summary>
/// 1. Step overhead: the five-step plan through the platform (plan planner, instant) and as the raw
/// Playwright floor, interleaved (alternating which goes first), one at a time.
/// Also yields 4. event latency on an otherwise idle platform.
/// </summary>
public static class StepOverheadBench
{
    public static async Task<(BenchResult Overhead, List<double> IdleEventMs, List<double> IdleStepEndMs)> RunAsync(
        BenchSettings settings, PlatformHost host, Platform platform)
    {
        var result = new BenchResult("1. Step overhead (platform vs raw Playwright)");
        Console.WriteLine($"[overhead] {settings.OverheadPairs} interleaved pairs");
        await using var raw = await RawFloor.LaunchAsync();
        var spec = BenchPlans.FiveStep(host.BaseUrl);
        var timeout = TimeSpan.FromMinutes(2);

        // Warm both paths (JIT, browser launch, first context) before measuring.
        await platform.RunAsync(spec, timeout);
        await raw.RunAsync(host.BaseUrl);
        await raw.RunAsync(host.BaseUrl, intercept: true);

        platform.EventLatencies.Clear();
        platform.StepEndLatencies.Clear();
        platform.StepTimes.Clear();
        var platformWall = new List<double>();
        var rawWall = new List<double>();
        var platformStep = new List<double>();
        var rawStep = new List<double>();
        var pairRatios = new List<double>();
        var pairStepRatios = new List<double>();
        var platformCpu = new List<Dictionary<string, double>>();
        var rawCpu = new List<Dictionary<string, double>>();
        var routedWall = new List<double>();
        var routedCpu = new List<Dictionary<string, double>>();
        var self = Environment.ProcessId;
        static Dictionary<string, double> Delta(Dictionary<string, double> a, Dictionary<string, double> b) =>
            b.Keys.Union(a.Keys).ToDictionary(k => k, k => b.GetValueOrDefault(k) - a.GetValueOrDefault(k));
        for (var i = 0; i < settings.OverheadPairs; i++)
        {
            double p = 0, r = 0;
            List<double> rSteps = [];
            List<double> pSteps = [];
            async Task Platform()
            {
                var cpu0 = ProcessTree.CpuByKind(host.Pid);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var id = await platform.CreateAsync(spec);
                await platform.WaitFinishedAsync(id, timeout);
                p = watch.Elapsed.TotalMilliseconds;
                platformCpu.Add(Delta(cpu0, ProcessTree.CpuByKind(host.Pid)));
                pSteps = platform.StepTimes.Where(s => s.SessionId == id).Select(s => (double)s.TotalMs).ToList();
            }
            async Task Raw()
            {
                var cpu0 = ProcessTree.CpuByKind(self);
                (r, rSteps) = await raw.RunAsync(host.BaseUrl);
                rawCpu.Add(Delta(cpu0, ProcessTree.CpuByKind(self)));
            }
            async Task Routed()
            {
                var cpu0 = ProcessTree.CpuByKind(self);
                var (w, _) = await raw.RunAsync(host.BaseUrl, intercept: true);
                routedWall.Add(w);
                routedCpu.Add(Delta(cpu0, ProcessTree.CpuByKind(self)));
            }
            // Rotate the order so no side always runs first (or right after the other).
            Func<Task>[] order = (i % 3) switch
            {
                0 => [Platform, Raw, Routed],
                1 => [Raw, Routed, Platform],
                _ => [Routed, Platform, Raw],
            };
            foreach (var run in order) await run();
            platformWall.Add(p);
            rawWall.Add(r);
            platformStep.AddRange(pSteps);
            rawStep.AddRange(rSteps);
            pairRatios.Add(p / r);
            if (pSteps.Count > 0 && rSteps.Count > 0) pairStepRatios.Add(pSteps.Sum() / rSteps.Sum());
            Console.WriteLine($"  pair {i + 1}: platform {p:0} ms ({pSteps.Count} steps, {pSteps.Sum():0} ms in steps), raw {r:0} ms ({rSteps.Sum():0} ms in steps)");
        }

        var pw = Stats.Of(platformWall);
        var rw = Stats.Of(rawWall);
        var ps = Stats.Of(platformStep);
        var rs = Stats.Of(rawStep);
        var ratio = Stats.Of(pairRatios);
        var stepRatio = Stats.Of(pairStepRatios);
        result.Line($"Rounds: {settings.OverheadPairs}, each running the platform, the raw floor and the raw floor with interception one at a time, in rotating order.");
        result.Line("");
        result.Line("| | platform | raw Playwright floor | ratio platform/raw (per pair) |");
        result.Line("|---|---|---|---|");
        result.Line($"| session wall time, ms: median (p25–p75) | {pw.Spread()} | {rw.Spread()} | **{ratio.Spread("0.00")}×** |");
        result.Line($"| one step, ms: median (p25–p75) | {ps.Spread()} | {rs.Spread()} | {(ps.Median / rs.Median):0.00}× (medians) |");
        result.Line($"| sum of the 6 steps per session, ratio | | | {stepRatio.Spread("0.00")}× |");
        var routed = Stats.Of(routedWall);
        result.Line("");
        result.Line($"Cost of request interception alone: the raw floor with the platform's route mechanics (documents via `route.fetch` + fulfill, the rest continued) " +
                    $"took {routed.Spread()} ms per session, {routed.Median / rw.Median:0.00}× the plain floor.");
        result.Line("");
        result.Line("Session wall time: platform = POST /api/v1/sessions → `finished` received over SignalR (includes admission, context with " +
                    "request interception, start page, 6 steps, checkpoints, release); raw = new context → start page → the same 6 observations and " +
                    "5 actions → context closed. Step time: the platform's own `timings.totalMs` (observe → plan → act, before recording) vs the raw program's per-step time.");
        string Cpu(List<Dictionary<string, double>> samples, string kind) => Stats.Of(samples.Select(d => kind == "total" ? d.Values.Sum() : d.GetValueOrDefault(kind))).Spread("0.00");
        result.Line("");
        result.Line("CPU seconds per session (the cost that bounds throughput on 2 cores), median (p25–p75):");
        result.Line("");
        result.Line("| process | platform (host tree) | raw floor (bench process tree) | raw floor + interception route |");
        result.Line("|---|---|---|---|");
        foreach (var kind in new[] { "dotnet", "node", "chromium", "total" })
            result.Line($"| {(kind == "dotnet" ? ".NET (silo + web host / raw client)" : kind == "node" ? "Playwright Node driver" : kind)} | {Cpu(platformCpu, kind)} | {Cpu(rawCpu, kind)} | {Cpu(routedCpu, kind)} |");
        var pTotal = Stats.Of(platformCpu.Select(d => d.Values.Sum())).Median;
        var rTotal = Stats.Of(rawCpu.Select(d => d.Values.Sum())).Median;
        result.Line("");
        result.Line($"CPU ceiling on {Environment.ProcessorCount} cores if nothing else ran: platform {60 * Environment.ProcessorCount / pTotal:0} sessions/min, raw floor {60 * Environment.ProcessorCount / rTotal:0} sessions/min.");
        Console.WriteLine($"[overhead] CPU/session platform {pTotal:0.00} s, raw {rTotal:0.00} s, raw+route {Stats.Of(routedCpu.Select(d => d.Values.Sum())).Median:0.00} s; wall raw+route {routed.Median:0} ms");
        result.Target("step overhead ≤ 1.15× the raw Playwright floor", $"{ratio.Median:0.00}× per session (p25–p75 {ratio.P25:0.00}–{ratio.P75:0.00}); {stepRatio.Median:0.00}× per step", ratio.Median <= 1.15);
        return (result, platform.EventLatencies.ToList(), platform.StepEndLatencies.ToList());
    }
}
