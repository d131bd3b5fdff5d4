using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Sessions;

[Collection(PlatformGroup.Name)]
public sealed class PlanSessionTests(PlatformFixture platform)
{
    private TestHost Host => platform.Host;

    [Fact]
    public async Task DemoCheckoutPlan_Succeeds_WithScreenshotsAndEveryStepEventInOrder()
    {
        using var api = Host.Client();
        await using var hub = await HubClient.ConnectAsync(Host.BaseUrl, TestKeys.Admin);
        await hub.SubscribeFleetAsync();

        var created = await api.CreateAsync(TestPlans.DemoCheckout(Host.BaseUrl));
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("queued", created["status"]!.GetValue<string>());

        var done = await api.WaitForEndAsync(id);
        Assert.True(done["status"]!.GetValue<string>() == "succeeded", $"session ended {done.ToJsonString()}");
        Assert.Matches(new Regex("^ORD-[0-9]{6}$"), done["result"]!["orderNumber"]!.GetValue<string>());
        Assert.Equal("Total: $45.50", done["result"]!["total"]!.GetValue<string>());

        var steps = await api.StepsAsync(id);
        Assert.Equal(done["stepCount"]!.GetValue<int>(), steps.Count);
        Assert.True(steps.Count >= 19, $"expected the 19 plan steps, got {steps.Count}");
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i]!;
            Assert.Equal(i, step["index"]!.GetValue<int>());
            Assert.True(step["ok"]!.GetValue<bool>(), $"step {i} failed: {step["error"]}");
            var screenshot = step["screenshotUrl"]!.GetValue<string>();
            using var image = await api.Http.GetAsync(screenshot);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
            var bytes = await image.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.Length > 1000 && bytes[0] == 0xFF && bytes[1] == 0xD8, "not a JPEG");
        }
        // The acted element is located on the screenshot, for replay.
        Assert.NotNull(steps[1]!["targetBox"]);

        var events = await Eventually.WaitForAsync(
            () => Task.FromResult(hub.For(id)), e => e.Any(x => x.Kind == "finished"), TimeSpan.FromSeconds(10), "the finished event");
        var stepEvents = events.Where(e => e.Kind == "step").Select(e => e.Message["step"]!["index"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(0, steps.Count).ToList(), stepEvents);
        Assert.All(events.Where(e => e.Kind == "step"), e => Assert.StartsWith("/api/v1/sessions/", e.Message["step"]!["screenshotUrl"]!.GetValue<string>()));
        Assert.Equal("finished", events[^1].Kind);
        var sequences = events.Select(e => e.Message["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order().ToList(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }

    [Fact]
    public async Task SessionSubscriber_GetsSnapshotThenLiveEvents()
    {
        using var api = Host.Client();
        await using var hub = await HubClient.ConnectAsync(Host.BaseUrl, TestKeys.Admin);
        var created = await api.CreateAsync(TestPlans.Slow(Host.BaseUrl, clicks: 6));
        var id = created["id"]!.GetValue<string>();
        var snapshot = await hub.SubscribeSessionAsync(id);
        Assert.Equal(id, snapshot["id"]!.GetValue<string>());
        await api.WaitForEndAsync(id);
        var events = await Eventually.WaitForAsync(
            () => Task.FromResult(hub.For(id)), e => e.Any(x => x.Kind == "finished"), TimeSpan.FromSeconds(10), "the finished event");
        Assert.Contains(events, e => e.Kind == "step");
        Assert.Equal("succeeded", events[^1].Message["session"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task FinishedSession_IsPostedToItsWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = Host.Client();
        var created = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "h1"), Field: "heading") },
            startUrl = $"{Host.BaseUrl}/demo/index.html",
            webhook = receiver.Url,
        });
        var id = created["id"]!.GetValue<string>();
        await api.WaitForEndAsync(id);
        var delivery = await Eventually.WaitForAsync(() => Task.FromResult(receiver.Deliveries.ToList()), d => d.Count > 0,
            TimeSpan.FromSeconds(15), "the webhook delivery");
        Assert.Single(delivery);
        Assert.Equal("session.finished", delivery[0].Body["event"]!.GetValue<string>());
        Assert.Equal(id, delivery[0].Body["session"]!["id"]!.GetValue<string>());
        Assert.Equal("succeeded", delivery[0].Body["session"]!["status"]!.GetValue<string>());
        Assert.Equal(id, delivery[0].Headers["X-Rpa-Session"]);
    }

    [Fact]
    public async Task FailingPlanStep_FailsSessionWithPreciseError()
    {
        using var api = Host.Client();
        var created = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "No such button")) },
            startUrl = $"{Host.BaseUrl}/demo/index.html",
        });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("target_not_found", done["error"]!["code"]!.GetValue<string>());
        Assert.Contains("No such button", done["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnreachableStartUrl_FailsWithNavigationError()
    {
        using var api = Host.Client();
        var created = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "body"), Field: "x") },
            startUrl = $"http://127.0.0.1:{FreePort.Next()}/nothing-listens-here",
        });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("navigation_failed", done["error"]!["code"]!.GetValue<string>());
    }
}
