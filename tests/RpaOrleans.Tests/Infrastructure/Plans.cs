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

    /// <summary>A plan that keeps clicking on the slow page: long enough to cancel or pause mid-run.</summary>
    public static object Slow(string baseUrl, int clicks = 60) => new
    {
        plan = Enumerable.Range(0, clicks).Select(_ => new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Do nothing"))).ToList(),
        startUrl = $"{baseUrl}/demo/slow.html",
        budgets = new SessionBudgets(MaxSteps: clicks + 5),
    };

    public static string Json(object body) => RpaJson.Serialize(body);
}
