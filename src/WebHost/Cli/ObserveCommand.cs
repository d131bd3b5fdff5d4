using System.Globalization;
using System.Text.Json;
using RpaOrleans.Browser;
using RpaOrleans.Hosting;
using RpaOrleans.Observation;

namespace RpaOrleans.WebHost.Cli;

/// <summary>
/// <c>./rpa observe URL [--elements-json FILE] [--max-tokens N]</c>: prints exactly what the planner
/// is shown for a page, so anyone can see and score what the agent sees.
/// </summary>
public static class ObserveCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? url = null, elementsJson = null;
        int? maxTokens = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--elements-json" when i + 1 < args.Length: elementsJson = args[++i]; break;
                case "--max-tokens" when i + 1 < args.Length: maxTokens = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: url ??= args[i]; break;
            }
        }
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            await Console.Error.WriteLineAsync("usage: ./rpa observe URL [--elements-json FILE] [--max-tokens N]");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Rpa:DataDirectory"] = Path.Combine(Path.GetTempPath(), "rpa-observe");
        // The operator names the page explicitly, so internal addresses are fine here.
        builder.Configuration["Network:AllowPrivateNetworks"] = "true";
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.AddRpaAgentServices();
        // Only the browser side is used: no silo is started.
        await using var services = builder.Services.BuildServiceProvider();
        var browsers = services.GetRequiredService<BrowserPool>();
        var lease = await browsers.TryLeaseAsync("observe-cli", null)
            ?? throw new InvalidOperationException("No browser slot (Browser:Capacity is 0).");
        await using (lease)
        {
            var response = await lease.Page.GotoAsync(url, new Microsoft.Playwright.PageGotoOptions { WaitUntil = Microsoft.Playwright.WaitUntilState.Load });
            if (response is { Ok: false }) await Console.Error.WriteLineAsync($"warning: {url} answered {response.Status}");
            var observation = await services.GetRequiredService<PageObserver>().ObserveAsync(lease.Page, screenshot: false);
            var rendered = services.GetRequiredService<ObservationFormatter>().Render(observation, maxTokens);
            Console.WriteLine(rendered.Text);
            await Console.Error.WriteLineAsync(
                $"{rendered.Tokens} tokens (o200k), degradation level {rendered.Level}, {rendered.ElementsShown} of {observation.TotalElements} elements shown");
            if (elementsJson is not null)
            {
                var exposed = rendered.ElementsShown == observation.Elements.Count ? observation.Elements : observation.Elements.Take(rendered.ElementsShown);
                await File.WriteAllTextAsync(elementsJson, JsonSerializer.Serialize(exposed.Select(e => new { role = e.Role, name = e.Name })));
            }
        }
        await browsers.DisposeAsync();
        return 0;
    }
}
