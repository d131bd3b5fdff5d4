using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RpaOrleans.Planning;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Agent;

[Collection(PlatformGroup.Name)]
public sealed class AgentRoleTests(PlatformFixture platform)
{
    private TestHost Host => platform.Host;

    private static string Marker(string what) => $"{what}-{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<JsonObject> RunGoalAsync(string marker, object? resultSchema = null)
    {
        using var api = Host.Client();
        var created = await api.CreateAsync(new
        {
            goal = $"Find the cheapest headphones ({marker})",
            startUrl = $"{Host.BaseUrl}/demo/index.html",
            resultSchema,
        });
        return await api.WaitForEndAsync(created["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Planner_BreaksTheGoalIntoSubgoals_ShownToTheNavigator()
    {
        var marker = Marker("plan");
        platform.Llm.Script(marker, """{"reasoning":"done","action":"finish","success":true}""");
        platform.Llm.ScriptRole(marker, "planner", _ => """{"subgoals":["Search for headphones","Sort by price","Read the first result"]}""");
        var done = await RunGoalAsync(marker);
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        Assert.Single(platform.Llm.CallsFor(marker, "planner"));
        Assert.Contains("1. Search for headphones", platform.LlmCalls(marker)[0].UserPrompt);
        Assert.Contains("3. Read the first result", platform.LlmCalls(marker)[0].UserPrompt);
    }

    [Fact]
    public async Task Judge_RejectsAnEarlyFinish_AndTheNavigatorHearsWhy()
    {
        var marker = Marker("judge");
        platform.Llm.Script(marker, """{"reasoning":"done","action":"finish","success":true,"result":{"name":"x","price":1}}""");
        platform.Llm.ScriptRole(marker, "judge", call => call.Number == 1
            ? """{"achieved":false,"reason":"No search was made; the result is invented."}"""
            : """{"achieved":true,"reason":"fine"}""");
        var done = await RunGoalAsync(marker);
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        Assert.Equal(2, done["stepCount"]!.GetValue<int>());
        Assert.Equal(2, platform.Llm.CallsFor(marker, "judge").Count);
        Assert.Contains("No search was made; the result is invented.", platform.LlmCalls(marker)[1].UserPrompt);
    }

    [Fact]
    public async Task Extractor_FillsAMissingResult_RetryingWithValidationErrors()
    {
        var marker = Marker("extract");
        platform.Llm.Script(marker, """{"reasoning":"the page has it","action":"finish","success":true}""");
        platform.Llm.ScriptRole(marker, "extractor", call => call.Number == 1
            ? """{"name":"Echo Lite Headphones"}"""
            : """{"name":"Echo Lite Headphones","price":29.99}""");
        var schema = JsonNode.Parse("""{"type":"object","required":["name","price"],"properties":{"name":{"type":"string"},"price":{"type":"number"}}}""");
        var done = await RunGoalAsync(marker, schema);
        Assert.True(done["status"]!.GetValue<string>() == "succeeded", done.ToJsonString());
        Assert.Equal(29.99, done["result"]!["price"]!.GetValue<double>());
        var calls = platform.Llm.CallsFor(marker, "extractor");
        Assert.Equal(2, calls.Count);
        Assert.Contains("does not match the schema", calls[1].UserPrompt);
    }

    [Fact]
    public async Task RepeatedFailures_TriggerAReplan()
    {
        var marker = Marker("replan");
        platform.Llm.Script(marker, call => call.Number <= 4
            ? "not json at all"
            : """{"reasoning":"ok now","action":"finish","success":true}""");
        var done = await RunGoalAsync(marker);
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        var plans = platform.Llm.CallsFor(marker, "planner");
        Assert.Equal(2, plans.Count);
        Assert.Contains("What keeps failing", plans[1].UserPrompt);
    }

    [Fact]
    public async Task ThrottledLlm_IsRetriedAfterItsRetryAfter()
    {
        var marker = Marker("throttle");
        platform.Llm.Script(marker, call => call.Number == 1
            ? "!status:429;retry-after:1"
            : """{"reasoning":"done","action":"finish","success":true}""");
        var done = await RunGoalAsync(marker);
        Assert.True(done["status"]!.GetValue<string>() == "succeeded", done.ToJsonString());
        var calls = platform.LlmCalls(marker);
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task TenantGate_LetsOneTenantHaveOnlyItsShareOfCalls()
    {
        var gate = new TenantLlmGate(Options.Create(new LlmOptions { MaxConcurrentPerTenant = 1 }));
        var first = await gate.EnterAsync("acme", CancellationToken.None);
        var second = gate.EnterAsync("acme", CancellationToken.None);
        var other = await gate.EnterAsync("globex", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted, "a second acme call must wait for the first");
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        other.Dispose();
    }
}
