using Microsoft.Playwright;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Dashboard;

/// <summary>The dashboard rides out a server restart: it reconnects by itself and catches up from REST.</summary>
[Collection(DashboardGroup.Name)]
public sealed class ReconnectTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task LiveView_WhenTheServerRestarts_ReconnectsAndCatchesUpToTheEnd()
    {
        var data = Path.Combine(Path.GetTempPath(), "rpa-tests", "dash-restart-" + Guid.NewGuid().ToString("N"));
        int http = FreePort.Next(), silo = FreePort.Next(), gateway = FreePort.Next();
        await using var browser = await dashboard.OpenAsync();
        var page = browser.Page;
        var link = page.Locator("[data-link-state]");
        var rows = page.GetByTestId("step-row");
        string id;

        await using (var first = await ProcessHost.StartAsync(data, http, silo, gateway))
        {
            using var api = first.Client();
            id = await DashboardSessions.StartAsync(api, TestPlans.Paced(first.BaseUrl, 16, 500));
            await page.GotoAsync($"{first.BaseUrl}/session/?id={id}");
            await Assertions.Expect(link).ToHaveAttributeAsync("data-link-state", "live");
            await Assertions.Expect(rows.Nth(2)).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await first.KillAsync();
        }
        await Assertions.Expect(link).ToHaveAttributeAsync("data-link-state", "reconnecting");
        var seen = await rows.CountAsync();

        await using var second = await ProcessHost.StartAsync(data, http, silo, gateway);
        await Assertions.Expect(link).ToHaveAttributeAsync("data-link-state", "live", new() { Timeout = 30_000 });
        // The recovered session runs to its end; the page shows every step, including those it missed.
        await Assertions.Expect(page.GetByTestId("session-status")).ToContainTextAsync("Succeeded", new() { Timeout = 90_000 });
        using var api2 = second.Client();
        var steps = await api2.StepsAsync(id);
        Assert.True(steps.Count > seen, $"the session should have gone on after the restart ({steps.Count} steps, {seen} seen before)");
        await Assertions.Expect(rows).ToHaveCountAsync(steps.Count);
        await Assertions.Expect(page.GetByText("Recoveries")).ToBeVisibleAsync();

        // The kill cut requests in flight and the server was down for a while: the browser logged those
        // failed connections, and nothing else.
        browser.AssertNoConsoleErrors(e => e.Contains("net::ERR_CONNECTION_", StringComparison.Ordinal)
            || e.Contains("net::ERR_EMPTY_RESPONSE", StringComparison.Ordinal)
            || e.Contains("WebSocket connection to", StringComparison.Ordinal));
    }
}
