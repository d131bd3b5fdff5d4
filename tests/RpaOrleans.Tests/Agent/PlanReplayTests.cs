using System.Text.Json.Nodes;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Agent;

[Collection(PlatformGroup.Name)]
public sealed class PlanReplayTests(PlatformFixture platform)
{
    private TestHost Host => platform.Host;

    [Fact]
    public async Task LlmRun_RecordsAPlan_ThatReplaysWithoutTheLlm()
    {
        var marker = "replay-" + Guid.NewGuid().ToString("N")[..8];
        platform.Llm.Script(marker, call => call.Number switch
        {
            1 => $$"""{"reasoning":"Search.","action":"type","elementId":{{PromptElements.IdOf(call.UserPrompt, "searchbox \"Search products\"")}},"value":"headphones","submit":true}""",
            2 => $$"""{"reasoning":"Open the product.","action":"click","elementId":{{PromptElements.IdOf(call.UserPrompt, "link \"Pulse Studio Headphones\"")}}}""",
            3 => $$"""{"reasoning":"Add it to the cart.","action":"click","elementId":{{PromptElements.IdOf(call.UserPrompt, "button \"Add to cart\"")}}}""",
            4 => $$"""{"reasoning":"Read the status.","action":"extract","elementId":{{PromptElements.IdOf(call.UserPrompt, "link \"Cart (1)\"")}},"field":"cart"}""",
            _ => """{"reasoning":"Done.","action":"finish","success":true}""",
        });
        using var api = Host.Client();
        var run = await api.CreateAsync(new { goal = $"Put the Pulse Studio Headphones in the cart ({marker})", startUrl = $"{Host.BaseUrl}/demo/index.html" });
        var runDone = await api.WaitForEndAsync(run["id"]!.GetValue<string>());
        Assert.Equal("succeeded", runDone["status"]!.GetValue<string>());
        var llmCalls = platform.LlmCalls(marker).Count;

        var planJson = await api.Http.GetStringAsync($"/api/v1/sessions/{run["id"]}/plan");
        var plan = JsonNode.Parse(planJson)!;
        Assert.Equal(1, plan["planVersion"]!.GetValue<int>());
        var steps = plan["plan"]!.AsArray();
        Assert.Equal(["type", "click", "click", "extract"], steps.Select(s => s!["action"]!.GetValue<string>()).ToArray());
        Assert.All(steps, s => Assert.Null(s!["elementId"]));
        Assert.Equal("Pulse Studio Headphones", steps[1]!["target"]!["name"]!.GetValue<string>());
        Assert.Equal("Add it to the cart.", steps[2]!["description"]!.GetValue<string>());

        // Post the document back unchanged: it replays with no LLM call.
        using var posted = await api.PostJsonAsync("/api/v1/sessions", planJson);
        var replay = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!;
        Assert.True(posted.IsSuccessStatusCode, replay.ToJsonString());
        var replayDone = await api.WaitForEndAsync(replay["id"]!.GetValue<string>());
        Assert.Equal("succeeded", replayDone["status"]!.GetValue<string>());
        Assert.Equal("Cart (1)", replayDone["result"]!["cart"]!.GetValue<string>());
        Assert.Equal(llmCalls, platform.LlmCalls(marker).Count);
        Assert.Equal(0, replayDone["tokens"]!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task ChangedPage_IsHealedByTheLlm_AndTheNewPlanRecordsTheNewTarget()
    {
        var marker = "heal-" + Guid.NewGuid().ToString("N")[..8];
        platform.Llm.Script(marker, call =>
            $$"""{"reasoning":"The button is now called Add to cart.","action":"click","elementId":{{PromptElements.IdOf(call.UserPrompt, "button \"Add to cart\"")}}}""");
        using var api = Host.Client();
        var created = await api.CreateAsync(new
        {
            plan = new[]
            {
                new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Add to basket"), Description: $"Add the product to the cart ({marker})"),
                new StepAction(ActionKind.Wait, Value: "Added to cart"),
            },
            startUrl = $"{Host.BaseUrl}/demo/product.html?id=2",
        });
        var id = created["id"]!.GetValue<string>();
        var done = await api.WaitForEndAsync(id);
        Assert.True(done["status"]!.GetValue<string>() == "succeeded", done.ToJsonString());
        var steps = await api.StepsAsync(id);
        Assert.StartsWith("healed: role=button name=\"Add to basket\"", steps[0]!["notes"]![0]!.GetValue<string>());
        Assert.Contains("Intent of the step: Add the product to the cart", platform.LlmCalls(marker)[0].UserPrompt);

        var plan = JsonNode.Parse(await api.Http.GetStringAsync($"/api/v1/sessions/{id}/plan"))!;
        Assert.Equal("Add to cart", plan["plan"]![0]!["target"]!["name"]!.GetValue<string>());
        Assert.Equal(1, plan["recordedFrom"]!["stepsHealed"]!.GetValue<int>());
    }

    [Fact]
    public async Task MissingTarget_WithoutLlm_FailsNamingTheStepTheTargetAndWhatThePageOffered()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Browser:TargetWaitMs"] = "500" });
        using var api = host.Client();
        var created = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Add to basket")) },
            startUrl = $"{host.BaseUrl}/demo/product.html?id=2",
        });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("target_not_found", done["error"]!["code"]!.GetValue<string>());
        var message = done["error"]!["message"]!.GetValue<string>();
        Assert.Contains("Plan step 1 (Click)", message);
        Assert.Contains("role=button name=\"Add to basket\"", message);
        Assert.Contains("button \"Add to cart\"", message);
    }
}
