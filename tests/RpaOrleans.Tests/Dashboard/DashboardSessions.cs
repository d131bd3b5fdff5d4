using System.Text.Json.Nodes;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Dashboard;

/// <summary>Sessions the dashboard tests start through the REST API, to look at in the browser.</summary>
public static class DashboardSessions
{
    public static async Task<string> StartAsync(ApiClient api, object body) =>
        (await api.CreateAsync(body))["id"]!.GetValue<string>();

    /// <summary>A demo checkout run to the end; it must succeed.</summary>
    public static async Task<(string Id, JsonArray Steps)> FinishedCheckoutAsync(ApiClient api)
    {
        var id = await StartAsync(api, TestPlans.DemoCheckout(api.BaseUrl));
        var done = await api.WaitForEndAsync(id);
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        return (id, await api.StepsAsync(id));
    }

    /// <summary>A long plan on the slow page, with a marker in its goal to tell sessions apart.</summary>
    public static Task<string> SlowAsync(ApiClient api, string goal, int clicks = 200) =>
        StartAsync(api, new
        {
            goal,
            plan = Enumerable.Range(0, clicks).Select(_ => new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Do nothing"))).ToList(),
            startUrl = $"{api.BaseUrl}/demo/slow.html",
            budgets = new SessionBudgets(MaxSteps: clicks + 5),
        });

    public static async Task CancelAllAsync(ApiClient api, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            var session = await api.GetAsync(id);
            if (!ApiClient.IsTerminal(session)) await api.PostAsync($"/api/v1/sessions/{id}/cancel");
        }
    }
}
