using System.Diagnostics;

namespace RpaOrleans.Bench;

/// <summary>Runs the benchmarks in order, each against a freshly started platform process.</summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(BenchSettings settings, bool writeDoc)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var machine = Machine.Describe(settings.Root);
        Console.WriteLine($"RpaOrleans bench{(settings.Quick ? " (quick)" : "")}: {machine.Cores} cores, {machine.MemoryGiB:0.0} GiB, {machine.CpuModel}, load {machine.LoadAverage}, commit {machine.Commit}");
        var results = new List<BenchResult>();

        if (settings.Runs("overhead") || settings.Runs("throughput") || settings.Runs("density") || settings.Runs("events"))
        {
            await using var host = await PlatformHost.StartAsync(settings.WebHostDll, capacity: 64);
            await using var platform = await Platform.ConnectAsync(host.BaseUrl);
            List<double> idle = [], idleEnd = [];
            ThroughputBench.Level? peak = null;
            if (settings.Runs("overhead") || settings.Runs("events"))
            {
                var (overhead, i, e) = await StepOverheadBench.RunAsync(settings, host, platform);
                results.Add(overhead);
                (idle, idleEnd) = (i, e);
            }
            BenchResult? throughput = null;
            if (settings.Runs("throughput"))
                (throughput, peak) = await ThroughputBench.RunAsync(settings, host, platform);
            if (idle.Count > 0 || peak is not null) results.Add(EventLatency.Report(idle, idleEnd, peak));
            if (throughput is not null) results.Insert(Math.Min(1, results.Count), throughput);
            if (settings.Runs("density"))
                results.Add(await DensityBench.RunAsync(settings, host, platform));
        }

        if (settings.Runs("rest"))
            results.Add(await RestBench.RunAsync(settings, () => PlatformHost.StartAsync(settings.WebHostDll, capacity: 0)));

        if (settings.Runs("recovery"))
            results.Add(await RecoveryBench.RunAsync(settings));

        if (settings.Only.Contains("screenshot"))
        {
            await using var host = await PlatformHost.StartAsync(settings.WebHostDll, capacity: 0);
            results.Add(await ScreenshotExperiment.RunAsync(settings, host));
        }

        if (settings.Runs("observation"))
        {
            await using var host = await PlatformHost.StartAsync(settings.WebHostDll, capacity: 0);
            results.Add(await ObservationBench.RunAsync(settings, host));
        }

        var block = Report.Render(settings, machine, Machine.Describe(settings.Root), started, clock.Elapsed, results);
        Console.WriteLine();
        Console.WriteLine(block);
        if (writeDoc)
        {
            Report.Write(settings.Root, block);
            Console.WriteLine("Written to docs/benchmarks.md");
        }
        return 0;
    }
}
