using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace RpaOrleans.Bench;

/// <summary>
/// Micro-benchmark of the viewport JPEG, the costliest part of an observation: Playwright's
/// screenshot against Chromium's own capture over CDP, same size and quality, interleaved.
/// </summary>
public static class ScreenshotExperiment
{
    public static async Task<BenchResult> RunAsync(BenchSettings settings, PlatformHost host)
    {
        var result = new BenchResult("Screenshot micro-benchmark");
        await using var raw = await RawFloor.LaunchAsync();
        var context = await raw.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/demo/checkout.html");
        var cdp = await context.NewCDPSessionAsync(page);
        var variants = new Dictionary<string, Func<Task<int>>>
        {
            ["playwright"] = async () => (await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = 60 })).Length,
            ["cdp"] = async () => Len(await cdp.SendAsync("Page.captureScreenshot", new Dictionary<string, object> { ["format"] = "jpeg", ["quality"] = 60 })),
            ["cdp-fast"] = async () => Len(await cdp.SendAsync("Page.captureScreenshot", new Dictionary<string, object> { ["format"] = "jpeg", ["quality"] = 60, ["optimizeForSpeed"] = true })),
        };
        var times = variants.Keys.ToDictionary(k => k, _ => new List<double>());
        var cpu = variants.Keys.ToDictionary(k => k, _ => 0.0);
        var sizes = variants.Keys.ToDictionary(k => k, _ => 0);
        var rounds = settings.Quick ? 10 : 40;
        foreach (var v in variants.Values) await v();
        for (var i = 0; i < rounds; i++)
        {
            foreach (var (name, shot) in variants)
            {
                var c0 = ProcessTree.CpuSeconds(Environment.ProcessId);
                var w = Stopwatch.StartNew();
                sizes[name] = await shot();
                times[name].Add(w.Elapsed.TotalMilliseconds);
                cpu[name] += ProcessTree.CpuSeconds(Environment.ProcessId) - c0;
            }
        }
        result.Line("| variant | ms median (p25–p75) | CPU ms per shot | bytes |");
        result.Line("|---|---|---|---|");
        foreach (var name in variants.Keys)
            result.Line($"| {name} | {Stats.Of(times[name]).Spread()} | {1000 * cpu[name] / rounds:0} | {sizes[name]} |");
        await context.CloseAsync();
        return result;
    }

    private static int Len(JsonElement? reply) => reply is { } r ? Convert.FromBase64String(r.GetProperty("data").GetString()!).Length : 0;
}
