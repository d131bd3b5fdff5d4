using RpaOrleans.Serialization;
using RpaOrleans.WebHost.Demo;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>Request bodies for common sessions.</summary>
public static class TestPlans
{
    public static object DemoCheckout(string baseUrl)
    {
        var spec = DemoPlans.Checkout(baseUrl);
        return new
        {
            goal = spec.Goal,
            plan = spec.Plan,
            startUrl = spec.StartUrl,
            resultSchema = System.Text.Json.JsonDocument.Parse(spec.ResultSchema!).RootElement,
            budgets = spec.Budgets,
        };
    }

    /// <summary>
    /// A plan that lasts at least <c>steps / 2 × pauseMs</c> of wall time however fast the machine steps: clicks
    /// on the slow page alternate with waits of <paramref name="pauseMs"/>. For tests that need sessions still
    /// running at some later moment (a kill, a drain, a queue check); a count of clicks alone is a race with
    /// the machine's speed.
    /// </summary>
    public static object Paced(string baseUrl, int steps, int pauseMs) => OnSlowPage(baseUrl, Enumerable.Range(0, steps)
        .Select(i => i % 2 == 0 ? DoNothing : new StepAction(ActionKind.Wait, Value: pauseMs.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>A plan that keeps clicking on the slow page: long enough to cancel or pause mid-run.</summary>
    public static object Slow(string baseUrl, int clicks = 60) => OnSlowPage(baseUrl, Enumerable.Repeat(DoNothing, clicks));

    private static readonly StepAction DoNothing = new(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Do nothing"));

    private static object OnSlowPage(string baseUrl, IEnumerable<StepAction> steps)
    {
        var plan = steps.ToList();
        return new { plan, startUrl = $"{baseUrl}/demo/slow.html", budgets = new SessionBudgets(MaxSteps: plan.Count + 5) };
    }

    /// <summary>
    /// Saves <paramref name="note"/> to the page's localStorage and a cookie, waits <paramref name="waits"/>
    /// times <paramref name="waitMs"/>, then reads back what the browser context holds (field <c>dump</c>): after a
    /// recovery it shows whether the checkpointed storage came back. Steps: 2 + waits + 1 (+ finish).
    /// </summary>
    public static object StorageThenWait(string baseUrl, string note, int waits, int waitMs = 400) => new
    {
        plan = new[]
        {
            new StepAction(ActionKind.Type, new TargetDescriptor(Label: "Note"), Value: note),
            new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Save note")),
        }
        .Concat(Enumerable.Range(0, waits).Select(_ => new StepAction(ActionKind.Wait, Value: waitMs.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        .Append(new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "#storage-dump"), Field: "dump"))
        .ToList(),
        startUrl = $"{baseUrl}/demo/storage.html",
        budgets = new SessionBudgets(MaxSteps: waits + 10),
    };

    public static string Json(object body) => RpaJson.Serialize(body);
}
