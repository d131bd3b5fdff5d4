using System.Net;
using System.Text.Json.Nodes;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Sessions;

[Collection(PlatformGroup.Name)]
public sealed class LlmSessionTests(PlatformFixture platform)
{
    private const string CheapestSchema = """
        {"type":"object","required":["name","price"],"properties":{"name":{"type":"string"},"price":{"type":"number","minimum":0}}}
        """;

    private TestHost Host => platform.Host;

    private static string Marker() => "task-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task GoalSession_WithScriptedLlm_SucceedsWithSchemaValidResult()
    {
        var marker = Marker();
        platform.Llm.Script(marker, call => call.Number switch
        {
            1 => $$"""{"reasoning":"Search for headphones.","action":"type","elementId":{{PromptElements.IdOf(call.UserPrompt, "searchbox \"Search products\"")}},"value":"headphones","submit":true}""",
            2 => $$"""{"reasoning":"Sort by price.","action":"select","elementId":{{PromptElements.IdOf(call.UserPrompt, "combobox \"Sort by\"")}},"value":"Price: low to high"}""",
            _ => """{"reasoning":"The first result is the cheapest.","action":"finish","success":true,"result":{"name":"Echo Lite Headphones","price":29.99}}""",
        });
        using var api = Host.Client();
        var created = await api.CreateAsync(new
        {
            goal = $"Find the cheapest headphones and return name and price ({marker})",
            startUrl = $"{Host.BaseUrl}/demo/index.html",
            resultSchema = JsonNode.Parse(CheapestSchema),
        });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());

        Assert.True(done["status"]!.GetValue<string>() == "succeeded", done.ToJsonString());
        Assert.Equal("Echo Lite Headphones", done["result"]!["name"]!.GetValue<string>());
        Assert.Equal(29.99, done["result"]!["price"]!.GetValue<double>());
        Assert.True(done["tokens"]!["input"]!.GetValue<long>() > 0, "token usage is recorded");

        var calls = platform.LlmCalls(marker);
        Assert.Equal(3, calls.Count);
        // The second prompt shows the page after the search: the model sees the results.
        Assert.Contains("Results for", calls[1].UserPrompt);
        Assert.Contains("<page>", calls[0].UserPrompt);
        var request = calls[0].Request;
        Assert.Equal("json_schema", request["response_format"]!["type"]!.GetValue<string>());
        Assert.Contains("untrusted", request["messages"]![0]!["content"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var steps = await api.StepsAsync(done["id"]!.GetValue<string>());
        Assert.Equal("type", steps[0]!["action"]!["action"]!.GetValue<string>());
        Assert.Equal("Search products", steps[0]!["target"]!["label"]!.GetValue<string>());
        Assert.Equal("Search for headphones.", steps[0]!["action"]!["reasoning"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResultNotMatchingSchema_IsSentBackToTheModel()
    {
        var marker = Marker();
        platform.Llm.Script(marker,
            """{"reasoning":"done","action":"finish","success":true,"result":{"name":"Echo Lite Headphones","price":"cheap"}}""",
            """{"reasoning":"fixed","action":"finish","success":true,"result":{"name":"Echo Lite Headphones","price":29.99}}""");
        using var api = Host.Client();
        var created = await api.CreateAsync(new
        {
            goal = $"Return the cheapest headphones ({marker})",
            startUrl = $"{Host.BaseUrl}/demo/index.html",
            resultSchema = JsonNode.Parse(CheapestSchema),
        });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        Assert.Equal(29.99, done["result"]!["price"]!.GetValue<double>());
        Assert.Contains("does not match the result schema", platform.LlmCalls(marker)[1].UserPrompt);
    }

    [Fact]
    public async Task NonsenseAnswer_GetsOneRepair_ThenTheStepFailsWithTheRawAnswer()
    {
        var marker = Marker();
        platform.Llm.Script(marker, "Sure! I would click the big blue button, it looks nice.");
        using var api = Host.Client();
        var created = await api.CreateAsync(new { goal = $"Do something ({marker})", startUrl = $"{Host.BaseUrl}/demo/index.html" });
        var id = created["id"]!.GetValue<string>();
        var done = await api.WaitForEndAsync(id);

        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("too_many_failures", done["error"]!["code"]!.GetValue<string>());
        var steps = await api.StepsAsync(id);
        Assert.Equal(3, steps.Count);
        Assert.All(steps, s =>
        {
            Assert.False(s!["ok"]!.GetValue<bool>());
            Assert.StartsWith("planner_invalid_output", s["error"]!.GetValue<string>());
            Assert.Equal("Sure! I would click the big blue button, it looks nice.", s["rawPlannerAnswer"]!.GetValue<string>());
        });
        var calls = platform.LlmCalls(marker);
        Assert.Equal(6, calls.Count); // each step: the answer and one repair
        Assert.Contains("Your answer was invalid", calls[1].UserPrompt);
    }

    [Fact]
    public async Task UnknownElementId_IsRepairedWithTheError()
    {
        var marker = Marker();
        platform.Llm.Script(marker,
            """{"reasoning":"click it","action":"click","elementId":9999}""",
            """{"reasoning":"nothing to do","action":"finish","success":true}""");
        using var api = Host.Client();
        var created = await api.CreateAsync(new { goal = $"Look around ({marker})", startUrl = $"{Host.BaseUrl}/demo/index.html" });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        Assert.Equal(1, done["stepCount"]!.GetValue<int>());
        Assert.Contains("element [9999] does not exist", platform.LlmCalls(marker)[1].UserPrompt);
    }

    [Fact]
    public async Task AgentGivingUp_FailsWithItsReason()
    {
        var marker = Marker();
        platform.Llm.Script(marker, """{"reasoning":"no such product","action":"finish","success":false,"value":"The shop has no televisions."}""");
        using var api = Host.Client();
        var created = await api.CreateAsync(new { goal = $"Buy a television ({marker})", startUrl = $"{Host.BaseUrl}/demo/index.html" });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("goal_not_achieved", done["error"]!["code"]!.GetValue<string>());
        Assert.Equal("The shop has no televisions.", done["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task GoalWithoutLlm_IsRejectedUpFront_AndPlansStillRun()
    {
        await using var host = await TestHost.StartAsync();
        using var api = host.Client();
        using var response = await api.PostJsonAsync("/api/v1/sessions",
            $$"""{"goal":"find headphones","startUrl":"{{host.BaseUrl}}/demo/index.html"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("needs an LLM", problem["errors"]!["goal"]![0]!.GetValue<string>());

        var plan = await api.CreateAsync(new
        {
            goal = "read the heading",
            plan = new[] { new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "h1"), Field: "heading") },
            startUrl = $"{host.BaseUrl}/demo/index.html",
        });
        var done = await api.WaitForEndAsync(plan["id"]!.GetValue<string>());
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        Assert.Equal("Demo Shop", done["result"]!["heading"]!.GetValue<string>());
    }
}
