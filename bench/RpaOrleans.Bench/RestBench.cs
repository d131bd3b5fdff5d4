using System.Text;

namespace RpaOrleans.Bench;

/// <summary>
/// 5. REST latency at fixed request rates: reads (GET one session) and creates (POST a five-step
/// plan session). The host has no browser capacity, so created sessions stay queued and the
/// measurement is the API and the grain, not Chromium.
/// </summary>
public static class RestBench
{
    public static async Task<BenchResult> RunAsync(BenchSettings settings, Func<Task<PlatformHost>> startHost)
    {
        var result = new BenchResult("5. REST API latency (open loop)");
        var runs = new List<(string What, LoadGenerator.Run Run)>();
        var host = await startHost();
        try
        {
            await using var platform = await Platform.ConnectAsync(host.BaseUrl);
            var spec = BenchPlans.FiveStep(host.BaseUrl).ToJsonString();
            var id = await platform.CreateAsync(BenchPlans.FiveStep(host.BaseUrl));
            using var load = new LoadGenerator(host.BaseUrl);
            HttpRequestMessage Read()
            {
                var m = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sessions/{id}");
                m.Headers.Add("X-Api-Key", PlatformHost.ApiKey);
                return m;
            }
            HttpRequestMessage Create()
            {
                var m = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions") { Content = new StringContent(spec, Encoding.UTF8, "application/json") };
                m.Headers.Add("X-Api-Key", PlatformHost.ApiKey);
                return m;
            }
            // Warm-up: JIT, connection pool, SQLite pages.
            await load.RunAsync(Read, 100, TimeSpan.FromSeconds(1));
            foreach (var rate in new[] { 50, 200 })
            {
                var run = await load.RunAsync(Read, rate, settings.RestDuration);
                Console.WriteLine($"[rest] read @{rate}/s: p50/p95/p99 {run.LatencyMs.Tail("0.0")} ms, errors {run.Errors}");
                runs.Add(("read `GET /api/v1/sessions/{id}`", run));
            }
            await load.RunAsync(Create, 20, TimeSpan.FromSeconds(1));
            foreach (var rate in new[] { 50, 200 })
            {
                var run = await load.RunAsync(Create, rate, settings.CreateDuration);
                Console.WriteLine($"[rest] create @{rate}/s: p50/p95/p99 {run.LatencyMs.Tail("0.0")} ms, errors {run.Errors}");
                runs.Add(("create `POST /api/v1/sessions`", run));
            }
        }
        finally
        {
            await host.DisposeAsync();
        }

        result.Line($"Own open-loop generator (bench/RpaOrleans.Bench/LoadGenerator.cs) in the bench process, 127.0.0.1 only; latency from each request's " +
                    $"scheduled send time. Reads for {settings.RestDuration.TotalSeconds:0} s per rate, creates for {settings.CreateDuration.TotalSeconds:0} s per rate, after a warm-up. " +
                    "`Browser:Capacity` = 0, so created sessions stay queued (each polls for a slot every 250 ms, which is part of the load).");
        result.Line("");
        result.Line("| request | rate req/s (achieved) | requests | errors | latency ms p50 / p95 / p99 | max ms |");
        result.Line("|---|---|---|---|---|---|");
        foreach (var (what, run) in runs)
        {
            var kinds = run.ErrorKinds.Count > 0 ? " (" + string.Join(", ", run.ErrorKinds.Select(k => $"{k.Key}×{k.Value}")) + ")" : "";
            result.Line($"| {what} | {run.Rate} ({run.AchievedRate:0}) | {run.Sent} | {run.Errors}{kinds} | {run.LatencyMs.Tail("0.0")} | {run.LatencyMs.Max:0.0} |");
        }
        var read200 = runs.FirstOrDefault(r => r.What.StartsWith("read", StringComparison.Ordinal) && r.Run.Rate == 200).Run;
        if (read200 is not null)
            result.Target("REST reads p95 ≤ 10 ms at 200 requests/s", $"p95 {read200.LatencyMs.P95:0.0} ms, {read200.Errors} errors", read200.LatencyMs.P95 <= 10 && read200.Errors == 0);
        return result;
    }
}
