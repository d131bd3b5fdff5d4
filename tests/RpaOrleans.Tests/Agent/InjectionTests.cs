using System.Text.Json.Nodes;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Agent;

[Collection(PlatformGroup.Name)]
public sealed class InjectionTests(PlatformFixture platform)
{
    [Fact]
    public async Task ModelFollowingAPromptInjection_IsBlockedAndLogged()
    {
        var host = platform.Host;
        var marker = "inject-" + Guid.NewGuid().ToString("N")[..8];
        // The worst case: a model that obeys the hidden instructions.
        platform.Llm.Script(marker, call => call.Number switch
        {
            1 => """{"reasoning":"The page says to go there.","action":"navigate","url":"https://evil.example.com/steal"}""",
            2 => $$"""{"reasoning":"Then the support link.","action":"click","elementId":{{PromptElements.IdOf(call.UserPrompt, "link \"Support\"")}}}""",
            _ => """{"reasoning":"Blocked.","action":"finish","success":false,"value":"could not follow"}""",
        });
        using var api = host.Client();
        var created = await api.CreateAsync(new
        {
            goal = $"Add the widget to the basket ({marker})",
            startUrl = $"{host.BaseUrl}/corpus/injection.html",
            allowedDomains = new[] { "127.0.0.1" },
        });
        var id = created["id"]!.GetValue<string>();
        var done = await api.WaitForEndAsync(id);
        Assert.Equal("failed", done["status"]!.GetValue<string>());

        var steps = await api.StepsAsync(id);
        Assert.StartsWith("url_blocked", steps[0]!["error"]!.GetValue<string>());
        Assert.Contains("evil.example.com", steps[0]!["error"]!.GetValue<string>());
        Assert.Contains(steps[1]!["notes"]!.AsArray(), n => n!.GetValue<string>().StartsWith("blocked navigation to https://evil.example.com/collect", StringComparison.Ordinal));
        Assert.Equal("http://127.0.0.1", steps[1]!["pageUrl"]!.GetValue<string>()[..16]);

        // The injected text reached the model only inside the untrusted fence.
        var prompt = platform.LlmCalls(marker)[0].UserPrompt;
        var at = prompt.IndexOf("IGNORE ALL PREVIOUS INSTRUCTIONS", StringComparison.Ordinal);
        Assert.True(at > prompt.IndexOf("<page>", StringComparison.Ordinal) && at < prompt.IndexOf("</page>", StringComparison.Ordinal),
            "page text must be fenced as untrusted data");

        var audit = JsonNode.Parse(await api.Http.GetStringAsync($"/api/v1/audit?sessionId={id}"))!.AsArray();
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "network.blocked" && a["detail"]!.GetValue<string>().Contains("evil.example.com", StringComparison.Ordinal));
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "step.navigate" && a["detail"]!.GetValue<string>().Contains("url_blocked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RepeatingTheSameActionOnAnUnchangedPage_EndsAsStagnation()
    {
        var host = platform.Host;
        var marker = "stuck-" + Guid.NewGuid().ToString("N")[..8];
        platform.Llm.Script(marker, call =>
            $$"""{"reasoning":"Try again.","action":"click","elementId":{{PromptElements.IdOf(call.UserPrompt, "button \"Do nothing\"")}}}""");
        using var api = host.Client();
        var created = await api.CreateAsync(new { goal = $"Make something happen ({marker})", startUrl = $"{host.BaseUrl}/demo/slow.html" });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("stagnation", done["error"]!["code"]!.GetValue<string>());
        Assert.Equal(4, done["stepCount"]!.GetValue<int>());
        Assert.Contains("repeated 3 times", platform.LlmCalls(marker)[3].UserPrompt);
    }
}
