using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using RpaOrleans.Storage;

namespace RpaOrleans.WebHost.Demo;

/// <summary>
/// With <c>Rpa:Demo=true</c> (what <c>./rpa up</c> sets), runs the demo checkout once the server
/// listens and prints its steps to the terminal as they happen.
/// </summary>
public sealed class DemoRunner(
    IConfiguration configuration, IServer server, IHostApplicationLifetime lifetime, IGrainFactory grains, ISessionStore store) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("Rpa:Demo")) return;
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var baseUrl = address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal);
        var id = "demo-" + Guid.CreateVersion7().ToString("N")[..12];
        var spec = DemoPlans.Checkout(baseUrl);
        Console.WriteLine($"\n▶ Demo session {id}: {spec.Goal}\n  watch it: {baseUrl}/api/v1/sessions/{id}/steps\n");
        await grains.GetGrain<ISessionGrain>(id).StartAsync("default", spec);

        var printed = 0;
        var lastStatus = (SessionStatus?)null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var snapshot = await grains.GetGrain<ISessionGrain>(id).GetSnapshotAsync();
            var steps = await store.GetStepsAsync(id, stoppingToken);
            foreach (var step in steps.Skip(printed))
            {
                var what = step.Action?.Description ?? $"{step.Action?.Action} {step.Target}";
                Console.WriteLine($"  {(step.Ok ? "✓" : "✗")} step {step.Index + 1,2}  {what,-42} {step.Timings.TotalMs,5} ms{(step.Ok ? "" : "  " + step.Error)}");
            }
            printed = steps.Count;
            if (snapshot is not null && snapshot.Status != lastStatus)
            {
                lastStatus = snapshot.Status;
                if (snapshot.Status.IsTerminal())
                {
                    Console.WriteLine($"\n■ Demo {snapshot.Status} after {snapshot.StepCount} steps" +
                        (snapshot.ResultJson is null ? "" : $"; result: {snapshot.ResultJson}") +
                        (snapshot.Error is null ? "" : $"; error: {snapshot.Error.Message}") + "\n");
                    return;
                }
            }
            await Task.Delay(200, stoppingToken);
        }
    }
}
