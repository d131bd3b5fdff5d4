using System.Diagnostics;
using Microsoft.Playwright;
using RpaOrleans.Browser;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Browser;

/// <summary>
/// The wait that follows every action: it returns at once on a parsed page, holds while the document still
/// parses (here, a blocking script the test releases), and gives up with a timeout.
/// </summary>
public sealed class PageLoadTests : IAsyncLifetime
{
    private const string Origin = "http://page-load.test";
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await TestBrowser.LaunchAsync(_playwright);
        _page = await _browser.NewPageAsync();
        await _page.RouteAsync($"{Origin}/**", async route =>
        {
            if (route.Request.Url.EndsWith("/held.js", StringComparison.Ordinal))
            {
                await _release.Task;
                await route.FulfillAsync(new() { ContentType = "text/javascript", Body = "window.held = true;" });
                return;
            }
            var body = route.Request.Url.EndsWith("/held.html", StringComparison.Ordinal)
                ? "<!doctype html><title>held</title><p>before</p><script src=\"/held.js\"></script><p>after</p>"
                : "<!doctype html><title>plain</title><p>plain</p>";
            await route.FulfillAsync(new() { ContentType = "text/html", Body = body });
        });
    }

    [Fact]
    public async Task AParsedPage_ReturnsAtOnce()
    {
        await _page.GotoAsync($"{Origin}/plain.html");
        var clock = Stopwatch.StartNew();
        await PageLoad.DomContentLoadedAsync(_page, 10_000);
        Assert.True(clock.ElapsedMilliseconds < 2_000, $"took {clock.ElapsedMilliseconds} ms on a page already parsed");
    }

    [Fact]
    public async Task APageStillParsing_IsWaitedFor_UntilItsBlockingScriptArrives()
    {
        await _page.GotoAsync($"{Origin}/held.html", new() { WaitUntil = WaitUntilState.Commit });
        var wait = PageLoad.DomContentLoadedAsync(_page, 30_000);
        await Task.Delay(500);
        Assert.False(wait.IsCompleted, "returned before the document was parsed");

        _release.SetResult();
        await wait.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(await _page.EvaluateAsync<bool>("window.held === true && document.readyState !== 'loading'"));
    }

    [Fact]
    public async Task APageThatNeverFinishesParsing_TimesOut()
    {
        await _page.GotoAsync($"{Origin}/held.html", new() { WaitUntil = WaitUntilState.Commit });
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => PageLoad.DomContentLoadedAsync(_page, 800));
        Assert.InRange(clock.ElapsedMilliseconds, 700, 10_000);
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
