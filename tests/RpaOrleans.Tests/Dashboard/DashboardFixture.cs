using Microsoft.Playwright;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Dashboard;

/// <summary>
/// The real web host serving the exported dashboard, and one headless Chromium that drives it
/// like an operator would. Shared by the dashboard tests; each test opens its own context.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TestHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Browser:Capacity"] = "6" });
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await TestBrowser.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser context on the dashboard; signed in with <paramref name="apiKey"/> unless it is null.</summary>
    public async Task<DashboardPage> OpenAsync(string? apiKey = TestKeys.Admin, int width = 1280, int height = 800, bool dark = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        // Generous: the whole suite shares two cores with several Chromiums. Waits end as soon as their condition holds.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        if (apiKey is not null)
            await context.AddInitScriptAsync($"window.sessionStorage.setItem('rpa.apiKey', {System.Text.Json.JsonSerializer.Serialize(apiKey)});");
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
    }
}

// Runs on its own, after the parallel collections: two Chromiums and the sessions they drive would
// otherwise squeeze the other suites' timing-sensitive tests on a 2-core machine, and theirs ours.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardGroup : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
