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

        platform.EventLatencies.Clear();
        platform.StepEndLatencies.Clear();
        platform.StepTimes.Clear();
        var platformWall = new List<double>();
        var rawWall = new List<double>();
        var platformStep = new List<double>();
        var rawStep = new List<double>();
        var pairRatios = new List<double>();
        var pairStepRatios = new List<double>();
        for (var i = 0; i < settings.OverheadPairs; i++)
        {
            double p = 0, r = 0;
            List<double> rSteps = [];
            List<double> pSteps = [];
            async Task Platform()
            {
                var id = await platform.CreateAsync(spec);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await platform.WaitFinishedAsync(id, timeout);
                p = watch.Elapsed.TotalMilliseconds;
                pSteps = platform.StepTimes.Where(s => s.SessionId == id).Select(s => (double)s.TotalMs).ToList();
            }
            async Task Raw() => (r, rSteps) = await raw.RunAsync(host.BaseUrl);
            if (i % 2 == 0) { await Platform(); await Raw(); }
            else { await Raw(); await Platform(); }
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
        result.Line($"Pairs: {settings.OverheadPairs}, run one at a time, alternating which side goes first.");
        result.Line("");
        result.Line("| | platform | raw Playwright floor | ratio platform/raw (per pair) |");
        result.Line("|---|---|---|---|");
        result.Line($"| session wall time, ms: median (p25–p75) | {pw.Spread()} | {rw.Spread()} | **{ratio.Spread("0.00")}×** |");
        result.Line($"| one step, ms: median (p25–p75) | {ps.Spread()} | {rs.Spread()} | {(ps.Median / rs.Median):0.00}× (medians) |");
        result.Line($"| sum of the 6 steps per session, ratio | | | {stepRatio.Spread("0.00")}× |");
        result.Line("");
        result.Line("Session wall time: platform = POST /api/v1/sessions → `finished` received over SignalR (includes admission, context with " +
                    "request interception, start page, 6 steps, checkpoints, release); raw = new context → start page → the same 6 observations and " +
                    "5 actions → context closed. Step time: the platform's own `timings.totalMs` (observe → plan → act, before recording) vs the raw program's per-step time.");
        result.Target("step overhead ≤ 1.15× the raw Playwright floor", $"{ratio.Median:0.00}× per session (p25–p75 {ratio.P25:0.00}–{ratio.P75:0.00}); {stepRatio.Median:0.00}× per step", ratio.Median <= 1.15);
        return (result, platform.EventLatencies.ToList(), platform.StepEndLatencies.ToList());
    }
}
