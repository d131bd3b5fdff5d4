using System.Diagnostics;
using Microsoft.Playwright;
using RpaOrleans.Browser;
using RpaOrleans.Observation;

namespace RpaOrleans.Bench;

/// <summary>
/// The floor: the five-step plan as a plain Playwright program, doing exactly the browser work a
/// platform step does (the same observe.js in every frame, the same JPEG viewport screenshot, the
/// same actions and load-state settle) and nothing else: no grain, no checkpoint, no event, no
/// request interception, no artifact write.
/// </summary>
public sealed class RawFloor : IAsyncDisposable
{
    private static readonly string Script = LoadScript();
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly BrowserOptions _options = new();

    private RawFloor(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<RawFloor> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumLocator.Find(null),
            // The same flags as the platform's BrowserPool.
            Args = ChromiumLocator.LaunchArgs,
        });
        return new RawFloor(playwright, browser);
    }

    public IBrowser Browser => _browser;

    /// <summary>One session: fresh context, start page, 5 actions, 6 observations. Returns wall ms and per-step ms.</summary>
    /// <param name="intercept">
    /// Adds the platform's network-policy route with its mechanics and no policy: documents fetched
    /// with <c>route.fetch</c> (no redirects) and fulfilled, everything else continued. The
    /// difference to the plain floor is what request interception costs.
    /// </param>
    public async Task<(double WallMs, List<double> StepMs)> RunAsync(string baseUrl, bool intercept = false)
    {
        var wall = Stopwatch.StartNew();
        var steps = new List<double>();
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = _options.ViewportWidth, Height = _options.ViewportHeight },
            AcceptDownloads = true,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        try
        {
            context.SetDefaultTimeout(_options.ActionTimeoutMs);
            if (intercept) await context.RouteAsync("**/*", InterceptAsync);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{baseUrl}/demo/index.html", new PageGotoOptions { WaitUntil = WaitUntilState.Load });

            var step = Stopwatch.StartNew();
            async Task Done()
            {
                steps.Add(step.Elapsed.TotalMilliseconds);
                step.Restart();
                await Task.CompletedTask;
            }

            await ObserveAsync(page);
            var search = page.GetByLabel("Search products", new PageGetByLabelOptions { Exact = true });
            await search.FillAsync("headphones");
            await search.PressAsync("Enter");
            await SettleAsync(page);
            await Done();

            await ObserveAsync(page);
            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Pulse Studio Headphones", Exact = true }).ClickAsync();
            await SettleAsync(page);
            await Done();

            await ObserveAsync(page);
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add to cart", Exact = true }).ClickAsync();
            await SettleAsync(page);
            await Done();

            await ObserveAsync(page);
            await page.Locator("#cart-link").ClickAsync();
            await SettleAsync(page);
            await Done();

            await ObserveAsync(page);
            var total = await page.Locator(".cart-total").InnerTextAsync();
            if (!total.Contains('$', StringComparison.Ordinal)) throw new InvalidOperationException($"unexpected cart total '{total}'");
            await SettleAsync(page);
            await Done();

            await ObserveAsync(page); // the platform's closing finish step
            await Done();
        }
        finally
        {
            await context.CloseAsync();
        }
        return (wall.Elapsed.TotalMilliseconds, steps);
    }

    private static async Task InterceptAsync(IRoute route)
    {
        var request = route.Request;
        if (request.ResourceType == "document" && request.Method == "GET")
        {
            var response = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
            return;
        }
        await route.ContinueAsync();
    }

    private async Task ObserveAsync(IPage page)
    {
        var shot = page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = _options.ScreenshotQuality });
        var id = 1;
        foreach (var frame in page.Frames)
        {
            var json = await frame.EvaluateAsync<string>(Script, new { startId = id, maxElements = 400 });
            id += 1000;
            GC.KeepAlive(json);
        }
        await shot;
    }

    private static Task SettleAsync(IPage page) => PageLoad.DomContentLoadedAsync(page, 10_000);

    private static string LoadScript()
    {
        using var stream = typeof(PageObserver).Assembly.GetManifestResourceStream("observe.js")
            ?? throw new InvalidOperationException("observe.js is not embedded in the grains assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
