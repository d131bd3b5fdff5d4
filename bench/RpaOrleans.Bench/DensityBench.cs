namespace RpaOrleans.Bench;

/// <summary>
/// 3. Density: live sessions (page open, waiting inside a step) against the PSS of the host's
/// process tree (silo + Playwright driver + Chromium and its renderers). Marginal MiB per session is
/// the least-squares slope over the levels.
/// </summary>
public static class DensityBench
{
    public static async Task<BenchResult> RunAsync(BenchSettings settings, PlatformHost host, Platform platform)
    {
        var result = new BenchResult("3. Density (live sessions vs PSS memory)");
        var spec = BenchPlans.Idle(host.BaseUrl);
        var live = new List<string>();
        var points = new List<(int N, double Pss, double MachineAvailMiB)>();
        foreach (var n in settings.DensityLevels)
        {
            while (live.Count < n)
            {
                var batch = Math.Min(5, n - live.Count);
                var ids = await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => platform.CreateAsync(spec)));
                live.AddRange(ids);
                var deadline = DateTime.UtcNow.AddSeconds(120);
                while (ids.Any(id => !platform.Running.ContainsKey(id)))
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException("density sessions did not start within 120 s");
                    await Task.Delay(100);
                }
            }
            // Let the first step's observation finish and the renderers settle into the wait.
            await Task.Delay(TimeSpan.FromSeconds(settings.Quick ? 2 : 4));
            var samples = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                samples.Add(host.PssMiB());
                await Task.Delay(500);
            }
            var pss = Stats.Of(samples).Median;
            points.Add((n, pss, AvailableMiB()));
            Console.WriteLine($"[density] {n} live sessions: PSS {pss:0} MiB (machine available {AvailableMiB():0} MiB)");
        }

        var slope = Slope(points.Select(p => ((double)p.N, p.Pss)).ToList());
        var first = points[0];
        var last = points[^1];
        result.Line("Sessions run a plan of 30 s waits, so each holds an open context and page (the demo shop index) and does no work. " +
                    "PSS sums `/proc/PID/smaps_rollup` over the web host/silo process and all its descendants (Playwright's Node driver, Chromium's browser, " +
                    "GPU/utility and renderer processes); shared pages are divided among the processes sharing them, so the sum is the real footprint.");
        result.Line("");
        result.Line("| live sessions | PSS host tree, MiB | MiB per session above the first |");
        result.Line("|---|---|---|");
        foreach (var p in points)
            result.Line($"| {p.N} | {p.Pss:0} | {(p.N > first.N ? $"{(p.Pss - first.Pss) / (p.N - first.N):0.0}" : "—")} |");
        result.Line("");
        result.Line($"Marginal memory per live session (least-squares slope): **{slope:0.0} MiB**. Fixed cost with one session: {first.Pss:0} MiB.");
        result.Target($"≥ 40 concurrent sessions at ≤ 60 MiB marginal memory each", $"{last.N} live; {slope:0.0} MiB/session marginal",
            last.N >= 40 && slope <= 60, last.N < 40 ? "quick run: fewer levels" : "");
        return result;
    }

    private static double AvailableMiB()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private static double Slope(List<(double X, double Y)> points)
    {
        if (points.Count < 2) return double.NaN;
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var num = points.Sum(p => (p.X - mx) * (p.Y - my));
        var den = points.Sum(p => (p.X - mx) * (p.X - mx));
        return num / den;
    }
}
