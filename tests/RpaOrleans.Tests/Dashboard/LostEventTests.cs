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

    // The third step event the page's socket carries is dropped: by then the page has subscribed, read
    // the session from REST and applied two events, so only the gap in the sequence can bring it back.
    private const int DropNth = 3;

    [Fact]
    public async Task LiveView_WhenAStepEventIsLost_FillsTheGapFromRestWhileTheSessionRuns()
    {
        using var api = dashboard.Host.Client();
        await using var browser = await dashboard.OpenAsync();
        var page = browser.Page;
        var carried = 0;
        var dropped = -1;
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
                    if (StepIndex(record) is { } index && Interlocked.Increment(ref carried) == DropNth) Volatile.Write(ref dropped, index);
                    else kept.Append(record).Append(RecordSeparator);
                }
                if (kept.Length > 0) socket.Send(kept.ToString());
            });
        });

        var id = await DashboardSessions.StartAsync(api, TestPlans.Paced(api.BaseUrl, 40, 1000));
        await page.GotoAsync($"/session/?id={id}");
        var rows = page.GetByTestId("step-row");

        // Steps after the dropped one arrive live; the dropped one is filled in while the session still runs.
        var index = await Eventually.WaitForAsync(() => Task.FromResult(Volatile.Read(ref dropped)), i => i >= 0, TimeSpan.FromSeconds(60), "a step event to drop");
        await Assertions.Expect(Row(page, index + 1)).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(Row(page, index)).ToHaveCountAsync(1, new() { Timeout = 10_000 });
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

    /// <summary>The step's index when the record invokes the client's <c>step</c> handler.</summary>
    private static int? StepIndex(string record)
    {
        if (JsonNode.Parse(record) is not JsonObject message || message["target"]?.GetValue<string>() != "step") return null;
        return message["arguments"]?[0]?["step"]?["index"]?.GetValue<int>();
    }

    [GeneratedRegex("/hubs/sessions")]
    private static partial Regex HubSocket();
}
