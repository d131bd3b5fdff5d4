using Microsoft.Playwright;
using RpaOrleans.Browser;
using RpaOrleans.Execution;
using RpaOrleans.Observation;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Agent;

/// <summary>What the agent sees of the corpus pages, through the real observer in the host's browser pool.</summary>
[Collection(PlatformGroup.Name)]
public sealed class ObservationTests(PlatformFixture platform)
{
    private TestHost Host => platform.Host;

    private async Task<(BrowserLease Lease, PageObservation Observation)> ObserveAsync(string page)
    {
        var lease = await Host.Service<BrowserPool>().TryLeaseAsync("observe-" + Guid.NewGuid().ToString("N"), null)
            ?? throw new InvalidOperationException("no browser slot");
        await lease.Page.GotoAsync($"{Host.BaseUrl}/corpus/{page}", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (lease, await Host.Service<PageObserver>().ObserveAsync(lease.Page));
    }

    [Fact]
    public async Task ClickablesWithoutRoles_AreExposed()
    {
        var (lease, o) = await ObserveAsync("clickables.html");
        await using var _ = lease;
        var names = o.Elements.Select(e => e.Name).ToList();
        Assert.Contains("Open menu", names);       // div with onclick
        Assert.Contains("Toggle details", names);  // span with a click listener and a pointer cursor
        Assert.Contains("Show more", names);       // a without href
        Assert.Contains("Settings gear", names);   // img with onclick
        Assert.Contains("Save", names);
    }

    [Fact]
    public async Task Frames_SameAndCrossOriginAndNested_AreObservedAndActionable()
    {
        var (lease, o) = await ObserveAsync("iframes.html");
        await using var _ = lease;
        var inner = o.Elements.Where(e => e.Name == "Inner name").ToList();
        Assert.Equal(2, inner.Count); // same-origin and cross-origin copies
        Assert.Contains(o.Elements, e => e.Name == "Leaf button" && e.Frame > 0);
        Assert.True(inner.Select(e => e.Frame).Distinct().Count() == 2, "the two inputs live in different frames");

        // Act inside the cross-origin frame by id, like the navigator would.
        var crossFrame = inner.OrderBy(e => e.Frame).Last();
        var cross = o.Frames[crossFrame.Frame];
        Assert.NotEqual(new Uri(Host.BaseUrl).Host, new Uri(cross.Url).Host);
        var executor = Host.Service<ActionExecutor>();
        var spec = new SessionSpec(null, null, null, null, null, null);
        var typed = await executor.ExecuteAsync(lease, new StepAction(ActionKind.Type, ElementId: crossFrame.Id, Value: "zed"), o, spec, CancellationToken.None);
        Assert.True(typed.Ok, typed.Error);
        var save = o.Elements.Single(e => e.Name == "Save inner" && e.Frame == crossFrame.Frame);
        var clicked = await executor.ExecuteAsync(lease, new StepAction(ActionKind.Click, ElementId: save.Id), o, spec, CancellationToken.None);
        Assert.True(clicked.Ok, clicked.Error);
        await lease.Page.Locator("#cross-result").Filter(new LocatorFilterOptions { HasText = "cross:zed" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 5000 });
    }

    [Fact]
    public async Task OpenShadowRoots_AreObserved()
    {
        var (lease, o) = await ObserveAsync("shadow.html");
        await using var _ = lease;
        var names = o.Elements.Select(e => e.Name).ToList();
        Assert.Contains("Shadow email", names);
        Assert.Contains("Remember me", names);
        Assert.Contains("Deep button", names);
    }

    [Fact]
    public async Task HugePage_StaysWithinTheTokenBudget_KeepingWhatIsOnScreen()
    {
        var (lease, o) = await ObserveAsync("huge.html");
        await using var _ = lease;
        Assert.True(o.TotalElements > 2000, $"the page should have thousands of elements, saw {o.TotalElements}");
        var rendered = Host.Service<ObservationFormatter>().Render(o, budget: 2000);
        Assert.InRange(rendered.Tokens, 1, 2000);
        Assert.Equal(ObservationFormatter.CountTokens(rendered.Text), rendered.Tokens);
        Assert.True(rendered.Level > 0, "a page this large must degrade");
        Assert.Contains("searchbox \"Site search\"", rendered.Text);
        Assert.Contains("button \"Go\"", rendered.Text);
        Assert.Contains("more elements off-screen", rendered.Text);

        var small = Host.Service<ObservationFormatter>().Render(o, budget: 100_000);
        Assert.True(small.ElementsShown > rendered.ElementsShown, "a larger budget shows more");
    }
}
