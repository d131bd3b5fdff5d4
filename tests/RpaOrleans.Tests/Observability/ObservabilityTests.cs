using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Observability;

/// <summary>
/// What an operator sees of a running platform: step spans with observe/plan/act children,
/// Prometheus metrics, logs carrying the session id, and the Orleans dashboard behind admin auth.
/// </summary>
public sealed class ObservabilityTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private ActivityListener _listener = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "RpaOrleans.Sessions",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        _host = await TestHost.StartAsync(logs: _logs);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _listener.Dispose();
    }

    [Fact]
    public async Task APlanSession_IsTracedStepByStep_CountedInMetrics_AndLoggedWithItsId()
    {
        using var api = _host.Client();
        var created = await api.CreateAsync(TestPlans.DemoCheckout(_host.BaseUrl));
        var id = created["id"]!.GetValue<string>();
        var done = await api.WaitForEndAsync(id);
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        var stepCount = done["stepCount"]!.GetValue<int>();

        // One step span per recorded step, each the parent of an observe, a plan and an act span that
        // lie inside it, in that order.
        var steps = await Eventually.WaitForAsync(
            () => Task.FromResult(_spans.Where(s => s.OperationName == "session.step" && Equals(s.GetTagItem("rpa.session_id"), id)).ToList()),
            s => s.Count == stepCount, TimeSpan.FromSeconds(10), "a span per step");
        Assert.Equal(Enumerable.Range(0, stepCount), steps.Select(s => (int)s.GetTagItem("rpa.step.index")!).Order());
        foreach (var step in steps)
        {
            var children = _spans.Where(c => c.ParentSpanId == step.SpanId && c.TraceId == step.TraceId).OrderBy(c => c.StartTimeUtc).ToList();
            Assert.Equal(["session.observe", "session.plan", "session.act"], children.Select(c => c.OperationName));
            Assert.All(children, c => Assert.InRange(c.StartTimeUtc, step.StartTimeUtc, step.StartTimeUtc + step.Duration));
            Assert.All(children, c => Assert.True(c.StartTimeUtc + c.Duration <= step.StartTimeUtc + step.Duration));
            Assert.Equal(true, step.GetTagItem("rpa.step.ok"));
            Assert.Equal("acme", step.GetTagItem("rpa.tenant_id"));
        }
        Assert.Equal("finish", steps.Single(s => (int)s.GetTagItem("rpa.step.index")! == stepCount - 1).GetTagItem("rpa.step.action"));

        // Prometheus text on /metrics, no key needed (scrapers), with the platform's own series.
        using var anonymous = new HttpClient { BaseAddress = new Uri(_host.BaseUrl) };
        var metrics = await Eventually.WaitForAsync(() => anonymous.GetStringAsync("/metrics"),
            m => m.Contains("rpa_step_duration_milliseconds_count", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "step latency in /metrics");
        Assert.Matches(@"(?m)^rpa_browser_slots(\{[^}]*\})? 4(\.0)?( |$)", metrics);
        Assert.Matches(@"(?m)^rpa_step_duration_milliseconds_bucket\{[^}]*le=""[^""]+""\} \d+", metrics);
        var counted = System.Text.RegularExpressions.Regex.Match(metrics, @"(?m)^rpa_step_duration_milliseconds_count(\{[^}]*\})? (\d+)");
        Assert.True(counted.Success && int.Parse(counted.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= stepCount, metrics);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(metrics, @"(?m)^rpa_sessions_finished_total\{[^}]*status=""succeeded""[^}]*\} [1-9]"),
            string.Join('\n', metrics.Split('\n').Where(l => l.StartsWith("rpa_", StringComparison.Ordinal))));

        // Every step's log line carries the session id (the scope), so one session's logs can be found.
        var stepLines = _logs.Lines.Where(l => l.Contains("Step ", StringComparison.Ordinal) && l.Contains(": ok=", StringComparison.Ordinal)
            && l.Contains($"Session {id}", StringComparison.Ordinal)).ToList();
        Assert.Equal(stepCount, stepLines.Count);
    }

    [Fact]
    public async Task TwoHostsInOneProcess_EachMetricsEndpointShowsItsOwnSeriesOnly()
    {
        // Meters are found by name process-wide; a host must still report only its own instruments, once.
        await using var other = await TestHost.StartAsync(new Dictionary<string, string?> { ["Browser:Capacity"] = "7" });
        foreach (var (host, slots) in new[] { (_host, 4), (other, 7) })
        {
            using var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
            var metrics = await anonymous.GetStringAsync("/metrics");
            var lines = metrics.Split('\n').Where(l => l.StartsWith("rpa_browser_slots{", StringComparison.Ordinal)).ToList();
            Assert.True(lines.Count == 1 && lines[0].EndsWith($"}} {slots}", StringComparison.Ordinal), $"{host.BaseUrl}: {string.Join(" | ", lines)}");
            var series = metrics.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l[..l.LastIndexOf(' ')]).ToList();
            Assert.Empty(series.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key));
        }
    }

    [Fact]
    public async Task OrleansDashboard_IsForAdminsOnly_AndWorksInABrowserAfterSigningInWithTheKey()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_host.BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"/orleans/?access_token={TestKeys.Viewer}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/orleans/?access_token=not-a-key")).StatusCode);

        // The admin's key becomes an HttpOnly cookie scoped to the dashboard, and leaves the address.
        using var signIn = await anonymous.GetAsync($"/orleans/?access_token={TestKeys.Admin}");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/orleans/", signIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("path=/orleans", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        // The cookie is honoured under /orleans only, never for the API.
        var pair = cookie.Split(';')[0];
        using var page = new HttpRequestMessage(HttpMethod.Get, "/orleans/");
        page.Headers.Add("Cookie", pair);
        using var pageResponse = await anonymous.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sessions");
        api.Headers.Add("Cookie", pair);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(api)).StatusCode);

        // In a real browser: an admin follows the link in our dashboard's header; Orleans' page opens in a
        // new tab without the key in its address, and its own data requests succeed with the cookie alone.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.BaseUrl });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync($"window.sessionStorage.setItem('rpa.apiKey', '{TestKeys.Admin}');");
        var dataCalls = new ConcurrentQueue<(string Url, int Status)>();
        context.Response += (_, r) =>
        {
            if (r.Url.Contains("/orleans/", StringComparison.Ordinal) && r.Request.ResourceType is "fetch" or "xhr") dataCalls.Enqueue((r.Url, r.Status));
        };
        var ours = await context.NewPageAsync();
        await ours.GotoAsync("/");
        var link = ours.GetByRole(AriaRole.Link, new() { Name = "Orleans dashboard (opens in a new tab)" });
        var tab = await ours.RunAndWaitForPopupAsync(() => link.ClickAsync());
        // Asked of the Playwright server, which polls: the tab's redirect that drops the key lands whenever it does
        // (WaitForLoadStateAsync can miss a state that arrives while it subscribes; see DEVELOPERS.md).
        await Assertions.Expect(tab).ToHaveURLAsync($"{_host.BaseUrl}/orleans/", new() { Timeout = 30_000 });
        await Eventually.WaitForAsync(() => Task.FromResult(dataCalls.ToList()), c => c.Count >= 2, TimeSpan.FromSeconds(30), "the Orleans dashboard's data requests");
        Assert.All(dataCalls, c => Assert.Equal(200, c.Status));

        // A viewer is not offered the link.
        var viewerContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.BaseUrl });
        await viewerContext.AddInitScriptAsync($"window.sessionStorage.setItem('rpa.apiKey', '{TestKeys.Viewer}');");
        var viewer = await viewerContext.NewPageAsync();
        await viewer.GotoAsync("/");
        await Assertions.Expect(viewer.GetByText("acme · viewer")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(0, await viewer.GetByRole(AriaRole.Link, new() { Name = "Orleans dashboard (opens in a new tab)" }).CountAsync());
    }
}
