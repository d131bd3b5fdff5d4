using System.Text.Json.Nodes;

namespace RpaOrleans.Bench;

/// <summary>The plans every benchmark runs, as the REST API takes them.</summary>
public static class BenchPlans
{
    /// <summary>
    /// Five steps on the demo shop: search, open a product, add it to the cart, open the cart,
    /// read the total. The platform then runs one more step (observe, finish) because the plan
    /// has no explicit finish; the raw floor does the same sixth observation.
    /// </summary>
    public static JsonObject FiveStep(string baseUrl) => new()
    {
        ["startUrl"] = $"{baseUrl}/demo/index.html",
        ["plan"] = new JsonArray(
            Step("type", new JsonObject { ["label"] = "Search products" }, value: "headphones", submit: true),
            Step("click", new JsonObject { ["role"] = "link", ["name"] = "Pulse Studio Headphones" }),
            Step("click", new JsonObject { ["role"] = "button", ["name"] = "Add to cart" }),
            Step("click", new JsonObject { ["css"] = "#cart-link" }),
            Step("extract", new JsonObject { ["css"] = ".cart-total" }, field: "total")),
        ["budgets"] = new JsonObject { ["maxSteps"] = 20, ["maxDurationSeconds"] = 300 },
        ["metadata"] = new JsonObject { ["bench"] = "five-step" },
    };

    /// <summary>A session that stays live with its page open: long waits, for the density benchmark.</summary>
    public static JsonObject Idle(string baseUrl) => new()
    {
        ["startUrl"] = $"{baseUrl}/demo/index.html",
        ["plan"] = new JsonArray(Enumerable.Range(0, 10).Select(_ => (JsonNode)Step("wait", null, value: "30000")).ToArray()),
        ["budgets"] = new JsonObject { ["maxSteps"] = 20, ["maxDurationSeconds"] = 900 },
        ["metadata"] = new JsonObject { ["bench"] = "idle" },
    };

    /// <summary>A session that keeps stepping: clicks on the demo's slow page, for the recovery benchmark.</summary>
    public static JsonObject Clicking(string baseUrl, int clicks) => new()
    {
        ["startUrl"] = $"{baseUrl}/demo/slow.html",
        ["plan"] = new JsonArray(Enumerable.Range(0, clicks).Select(_ => (JsonNode)Step("click", new JsonObject { ["role"] = "button", ["name"] = "Do nothing" })).ToArray()),
        ["budgets"] = new JsonObject { ["maxSteps"] = clicks + 5, ["maxDurationSeconds"] = 600 },
        ["metadata"] = new JsonObject { ["bench"] = "recovery" },
    };

    private static JsonObject Step(string action, JsonObject? target, string? value = null, bool? submit = null, string? field = null)
    {
        var step = new JsonObject { ["action"] = action };
        if (target is not null) step["target"] = target;
        if (value is not null) step["value"] = value;
        if (submit is not null) step["submit"] = submit;
        if (field is not null) step["field"] = field;
        return step;
    }
}
