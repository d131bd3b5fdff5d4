using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Dashboard;

/// <summary>The operator dashboard in real headless Chromium against the real host running real sessions.</summary>
[Collection(DashboardGroup.Name)]
public sealed partial class DashboardTests(DashboardFixture dashboard)
{
    private TestHost Host => dashboard.Host;

    [Fact]
    public async Task SignIn_WithWrongKey_IsRefused_AndWithRightKey_OpensTheFleet()
    {
        await using var browser = await dashboard.OpenAsync(apiKey: null);
        var page = browser.Page;
        await page.GotoAsync("/history/");
        await browser.ExpectUrlAsync("/sign-in/");

        await page.GetByLabel("API key").FillAsync("not-a-real-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("That API key was refused");
        Assert.Contains("/sign-in/", page.Url, StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('rpa.apiKey')"));

        await page.GetByLabel("API key").FillAsync(TestKeys.Admin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Back where the user was going, signed in.
        await browser.ExpectUrlAsync("/history/$");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("acme · admin")).ToBeVisibleAsync();

        // The refused key shows up as one failed request, nothing else.
        browser.AssertNoConsoleErrors(e => e.Contains("status of 401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewSessionForm_StartsSession_StepsStreamIn_AndResultShows()
    {
        await using var browser = await dashboard.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "New session" }).ClickAsync();
        await browser.ExpectUrlAsync("/new/$");

        // A broken plan is caught before it is sent.
        await page.GetByLabel("Plan (JSON)").FillAsync("[{\"action\": \"click\"}]");
        await Assertions.Expect(page.Locator("#e-plan")).ToContainTextAsync("plan[0].target");

        await page.GetByRole(AriaRole.Button, new() { Name = "Load demo checkout" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Valid plan of 19 steps")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();

        await browser.ExpectUrlAsync(@"/session/\?id=[0-9a-f]{32}$");
        var id = new Uri(page.Url).Query.Split('=')[1];
        var rows = page.GetByTestId("step-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("session-result")).ToContainTextAsync(OrderNumber(), new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("session-status")).ToContainTextAsync("Succeeded");

        using var api = Host.Client();
        var steps = await api.StepsAsync(id);
        await Assertions.Expect(rows).ToHaveCountAsync(steps.Count);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Search for headphones");
        await Assertions.Expect(rows.Nth(steps.Count - 1)).ToHaveAttributeAsync("data-step-index", (steps.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var session = await api.GetAsync(id);
        await Assertions.Expect(page.GetByTestId("session-result")).ToContainTextAsync(session["result"]!["orderNumber"]!.GetValue<string>());
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Replay_ArrowKeys_ShowEachStepsScreenshot_AndRunAgainAsPlanSucceeds()
    {
        using var api = Host.Client();
        var (id, steps) = await DashboardSessions.FinishedCheckoutAsync(api);
        await using var browser = await dashboard.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync($"/replay/?id={id}");

        var shot = page.GetByTestId("replay-screenshot").Locator("img");
        var position = page.GetByTestId("replay-position");
        await ExpectStepAsync(0);
        await page.Keyboard.PressAsync("ArrowRight");
        await ExpectStepAsync(1);
        // Step 2 clicked a link: its box is drawn over the screenshot.
        await Assertions.Expect(page.GetByTestId("target-box")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("replay-details")).ToContainTextAsync("Open the product");
        await page.Keyboard.PressAsync("ArrowRight");
        await ExpectStepAsync(2);
        await page.Keyboard.PressAsync("End");
        await ExpectStepAsync(steps.Count - 1);
        await page.Keyboard.PressAsync("ArrowLeft");
        await ExpectStepAsync(steps.Count - 2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Step 4:", Exact = false }).ClickAsync();
        await ExpectStepAsync(3);
        await browser.ExpectUrlAsync("&step=4$");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run again as plan" }).ClickAsync();
        await browser.ExpectUrlAsync(@"/session/\?id=[0-9a-f]{32}$");
        var replayId = new Uri(page.Url).Query.Split('=')[1];
        Assert.NotEqual(id, replayId);
        await Assertions.Expect(page.GetByTestId("session-result")).ToContainTextAsync(OrderNumber(), new() { Timeout = 60_000 });
        var replay = await api.GetAsync(replayId);
        var recorded = await api.Http.GetFromJsonAsync<JsonObject>($"/api/v1/sessions/{id}/plan");
        Assert.Equal(recorded!["plan"]!.ToJsonString(), replay["spec"]!["plan"]!.ToJsonString());
        Assert.Equal(19, replay["spec"]!["plan"]!.AsArray().Count);
        Assert.Equal(id, replay["metadata"]!["replayOf"]!.GetValue<string>());
        browser.AssertNoConsoleErrors();

        async Task ExpectStepAsync(int index)
        {
            await Assertions.Expect(position).ToHaveTextAsync($"Step {index + 1} of {steps.Count}");
            await Assertions.Expect(shot).ToHaveAttributeAsync("src", new Regex($"/api/v1/sessions/{id}/steps/{index}/screenshot\\?access_token="));
            await Assertions.Expect(shot).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await shot.EvaluateAsync<int>("img => img.naturalWidth") > 0, $"step {index}'s screenshot did not load");
        }
    }

    [Fact]
    public async Task PauseResumeCancel_FromLiveView_ControlTheSession_AndEndItCancelled()
    {
        using var api = Host.Client();
        var id = await DashboardSessions.SlowAsync(api, "Cancel me from the live view");
        await using var browser = await dashboard.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync($"/session/?id={id}");

        await Assertions.Expect(page.GetByTestId("step-row").Nth(1)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-status")).ToContainTextAsync("Paused");
        await api.WaitForStatusAsync(id, s => s == "paused", TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-status")).ToContainTextAsync("Running");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm cancel" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("session-status")).ToContainTextAsync("Cancelled", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("session-error")).ToContainTextAsync("Cancelled by admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToHaveCountAsync(0);
        var session = await api.WaitForEndAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal("cancelled", session["status"]!.GetValue<string>());
        Assert.True(session["stepCount"]!.GetValue<int>() < 100, "the session ran on after the cancel");
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task FleetWall_ShowsConcurrentSessionsLive_WithCounts()
    {
        using var api = Host.Client();
        await using var browser = await dashboard.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet" })).ToBeVisibleAsync();

        // Started after the page is open: the wall learns of them from the live feed.
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await DashboardSessions.SlowAsync(api, $"Fleet wall session {i}"));
        try
        {
            foreach (var id in ids)
            {
                var tile = page.Locator($"[data-testid=fleet-tile][data-session-id='{id}']");
                await Assertions.Expect(tile).ToHaveAttributeAsync("data-status", "running", new() { Timeout = 30_000 });
                await Assertions.Expect(tile.GetByTestId("tile-steps")).ToHaveTextAsync(new Regex(@"Step ([3-9]|\d\d+)/205"), new() { Timeout = 30_000 });
                await Assertions.Expect(tile.Locator("img")).ToHaveAttributeAsync("src", new Regex($"/api/v1/sessions/{id}/steps/\\d+/screenshot"));
            }
            await Assertions.Expect(page.Locator("[data-count=running]")).ToHaveTextAsync(new Regex("^([3-9]|\\d\\d+)$"), new() { Timeout = 10_000 });
            await Assertions.Expect(page.GetByTestId("capacity")).ToHaveTextAsync(new Regex(@"^[3-6]/6$"));

            // A session cancelled elsewhere shows its end on the wall.
            await api.PostAsync($"/api/v1/sessions/{ids[0]}/cancel");
            await Assertions.Expect(page.Locator($"[data-testid=fleet-tile][data-session-id='{ids[0]}']"))
                .ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 30_000 });
        }
        finally
        {
            await DashboardSessions.CancelAllAsync(api, ids);
        }
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ClusterPage_ShowsTheSiloItsSlotsAndTheTenants_ToAdminsOnly()
    {
        using var api = Host.Client();
        await using var browser = await dashboard.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cluster" }).ClickAsync();
        await browser.ExpectUrlAsync("/cluster/$");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cluster" })).ToBeVisibleAsync();

        // Embedded mode is a cluster of one: this process, with the fixture's six slots.
        var silo = page.GetByTestId("silo-row");
        await Assertions.Expect(silo).ToHaveCountAsync(1);
        await Assertions.Expect(silo).ToHaveAttributeAsync("data-status", "active");
        await Assertions.Expect(silo).ToHaveAttributeAsync("data-slots", "6");

        // Sessions started while the page is open take slots; the page follows without a reload.
        var ids = new List<string>();
        for (var i = 0; i < 2; i++) ids.Add(await DashboardSessions.SlowAsync(api, $"Cluster page session {i}"));
        try
        {
            await Assertions.Expect(silo.GetByTestId("silo-slots")).ToHaveTextAsync(new Regex(@"^[2-6]/6$"), new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("cluster-slots")).ToHaveTextAsync(new Regex(@"^[2-6]/6$"));
            await Assertions.Expect(page.Locator("[data-testid=tenant-row][data-tenant=acme]").GetByTestId("tenant-running"))
                .ToHaveTextAsync(new Regex("^[2-6]$"));
        }
        finally
        {
            await DashboardSessions.CancelAllAsync(api, ids);
        }
        browser.AssertNoConsoleErrors();

        // A viewer is offered no link, and the address alone shows why there is nothing to see.
        await using var viewer = await dashboard.OpenAsync(TestKeys.Viewer);
        await viewer.Page.GotoAsync("/cluster/");
        await Assertions.Expect(viewer.Page.Locator("main").GetByRole(AriaRole.Alert)).ToContainTextAsync("needs an admin key");
        Assert.Equal(0, await viewer.Page.GetByRole(AriaRole.Link, new() { Name = "Cluster" }).CountAsync());
        viewer.AssertNoConsoleErrors();
    }

    [GeneratedRegex("ORD-[0-9]{6}")]
    private static partial Regex OrderNumber();
}
