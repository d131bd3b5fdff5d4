using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Dashboard;

/// <summary>
/// The live view does not keep a hole when one event never arrives (a silo died while sending it): the next
/// event's sequence number shows the gap and the page re-reads the steps from REST. The test drops one step
/// event inside the browser's real hub WebSocket and lets everything else through.
/// </summary>
[Collection(DashboardGroup.Name)]
public sealed partial class LostEventTests(DashboardFixture dashboard)
{
    private const char RecordSeparator = '\u001e';
    // Late enough (three 1 s waits before it) that the page is subscribed when it is sent: the test checks
    // it really dropped the event, so a page that loaded late fails instead of passing without a gap.
    private const int Dropped = 6;

    [Fact]
    public async Task LiveView_WhenAStepEventIsLost_FillsTheGapFromRestWhileTheSessionRuns()
    {
        using var api = dashboard.Host.Client();
        await using var browser = await dashboard.OpenAsync();
        var page = browser.Page;
        var dropped = 0;
        await page.RouteWebSocketAsync(HubSocket(), socket =>
        {
            var server = socket.ConnectToServer();
            socket.OnMessage(frame => Forward(server, frame));
            server.OnMessage(frame =>
            {
                if (frame.Text is not { } text)
                {
                    socket.Send(frame.Binary!);
                    return;
                }
                // SignalR's JSON protocol: records ended by 0x1E, several to a frame at times.
                var kept = new StringBuilder();
                foreach (var record in text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (IsStepEvent(record, Dropped)) Interlocked.Increment(ref dropped);
                    else kept.Append(record).Append(RecordSeparator);
                }
                if (kept.Length > 0) socket.Send(kept.ToString());
            });
        });

        var id = await DashboardSessions.StartAsync(api, TestPlans.Paced(api.BaseUrl, 40, 1000));
        await page.GotoAsync($"/session/?id={id}");
        var rows = page.GetByTestId("step-row");

        // Steps after the dropped one arrive live; the dropped one is filled in while the session still runs.
        await Assertions.Expect(Row(page, Dropped + 1)).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Assertions.Expect(Row(page, Dropped)).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        Assert.Equal(1, Volatile.Read(ref dropped));
        var session = await api.GetAsync(id);
        Assert.Equal("running", session["status"]!.GetValue<string>());
        var shown = await rows.EvaluateAllAsync<int[]>("rows => rows.map(r => Number(r.dataset.stepIndex))");
        Assert.Equal(Enumerable.Range(0, shown.Length), shown.Order());

        await api.PostAsync($"/api/v1/sessions/{id}/cancel");
        await api.WaitForEndAsync(id, TimeSpan.FromSeconds(30));
        browser.AssertNoConsoleErrors();
    }

    private static ILocator Row(IPage page, int index) => page.Locator($"[data-testid=step-row][data-step-index='{index}']");

    private static void Forward(IWebSocketRoute to, IWebSocketFrame frame)
    {
        if (frame.Text is { } text) to.Send(text);
        else to.Send(frame.Binary!);
    }

    /// <summary>An invocation of the client's <c>step</c> handler for the step with this index.</summary>
    private static bool IsStepEvent(string record, int index)
    {
        if (JsonNode.Parse(record) is not JsonObject message || message["target"]?.GetValue<string>() != "step") return false;
        return message["arguments"]?[0]?["step"]?["index"]?.GetValue<int>() == index;
    }

    [GeneratedRegex("/hubs/sessions")]
    private static partial Regex HubSocket();
}
