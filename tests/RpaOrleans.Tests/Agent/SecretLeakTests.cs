using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Agent;

/// <summary>
/// Plants a secret, has sessions type it (by plan and by LLM) into a page that echoes it back,
/// then scans every place data goes for the value.
/// </summary>
public sealed class SecretLeakTests : IAsyncLifetime
{
    private const string Planted = "PLANTED-S3cr3t-Value-42";
    private const string NotePlaceholder = "{{secret:note-secret}}";
    private readonly CapturedLogs _logs = new();
    private ScriptedLlmServer _llm = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _llm = await ScriptedLlmServer.StartAsync();
        _host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = _llm.Endpoint,
            ["Llm:ApiKey"] = "scripted",
        }, logs: _logs);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _llm.DisposeAsync();
    }

    private static async Task PutSecretAsync(ApiClient api, string name, string value, params string[] domains)
    {
        using var response = await api.Http.PutAsync($"/api/v1/secrets/{name}",
            new StringContent(TestPlans.Json(new { value, allowedDomains = domains }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task PlantedSecret_IsTyped_ButNeverAppearsInPromptsEventsLogsRecordsOrTheDatabase()
    {
        using var api = _host.Client();
        await using var hub = await HubClient.ConnectAsync(_host.BaseUrl, TestKeys.Admin);
        await hub.SubscribeFleetAsync();
        await PutSecretAsync(api, "note-secret", Planted, "127.0.0.1");
        await PutSecretAsync(api, "elsewhere-secret", "Other-Secret-Value-77", "example.org");

        // By plan: type it, let the page echo it into local storage, a cookie and the text.
        var plan = await api.CreateAsync(new
        {
            plan = new[]
            {
                new StepAction(ActionKind.Type, new TargetDescriptor(Label: "Note"), Value: "{{secret:note-secret}}"),
                new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Save note")),
                new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "#storage-dump"), Field: "dump"),
            },
            startUrl = $"{_host.BaseUrl}/demo/storage.html",
        });
        var planDone = await api.WaitForEndAsync(plan["id"]!.GetValue<string>());
        Assert.Equal("succeeded", planDone["status"]!.GetValue<string>());
        // The page really got the value: its echo comes back as the placeholder.
        Assert.Contains("localStorage[\"demo-note\"]: {{secret:note-secret}}", planDone["result"]!["dump"]!.GetValue<string>());

        // By LLM: the model only ever handles the placeholder.
        const string marker = "secret-scan-goal";
        _llm.Script(marker, call => call.Number switch
        {
            1 => $$"""{"reasoning":"type the note","action":"type","elementId":{{PromptElements.IdOf(call.UserPrompt, "textbox \"Note\"")}},"value":"{{NotePlaceholder}}"}""",
            2 => $$"""{"reasoning":"save","action":"click","elementId":{{PromptElements.IdOf(call.UserPrompt, "button \"Save note\"")}}}""",
            _ => """{"reasoning":"saved","action":"finish","success":true,"result":{"saved":true}}""",
        });
        var goal = await api.CreateAsync(new { goal = $"Save my note ({marker})", startUrl = $"{_host.BaseUrl}/demo/storage.html" });
        var goalDone = await api.WaitForEndAsync(goal["id"]!.GetValue<string>());
        Assert.Equal("succeeded", goalDone["status"]!.GetValue<string>());
        var calls = _llm.CallsFor(marker);
        Assert.Contains("{{secret:note-secret}}", calls[0].UserPrompt); // offered by name
        Assert.Contains("demo-note\"]: {{secret:note-secret}}", calls[2].UserPrompt); // the echo, redacted

        // A secret bound to another domain is refused on this one.
        var elsewhere = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Type, new TargetDescriptor(Label: "Note"), Value: "{{secret:elsewhere-secret}}") },
            startUrl = $"{_host.BaseUrl}/demo/storage.html",
        });
        var refused = await api.WaitForEndAsync(elsewhere["id"]!.GetValue<string>());
        Assert.Equal("secret_not_allowed", refused["error"]!["code"]!.GetValue<string>());

        // Now scan everything.
        var places = new Dictionary<string, string>
        {
            ["llm requests"] = string.Join("\n", _llm.CallsFor(marker).Select(c => c.Request.ToJsonString())),
            ["hub events"] = string.Join("\n", hub.Events.Select(e => e.Message.ToJsonString())),
            ["logs"] = string.Join("\n", _logs.Lines),
            ["secrets list"] = await api.Http.GetStringAsync("/api/v1/secrets"),
            ["audit"] = await api.Http.GetStringAsync("/api/v1/audit?limit=1000"),
            ["sessions"] = await api.Http.GetStringAsync("/api/v1/sessions?pageSize=200"),
        };
        foreach (var id in new[] { plan, goal, elsewhere }.Select(s => s["id"]!.GetValue<string>()))
        {
            places[$"steps {id}"] = await api.Http.GetStringAsync($"/api/v1/sessions/{id}/steps");
            places[$"session {id}"] = await api.Http.GetStringAsync($"/api/v1/sessions/{id}");
        }
        foreach (var file in Directory.EnumerateFiles(_host.DataDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".jpg", StringComparison.Ordinal)))
            places[$"file {Path.GetRelativePath(_host.DataDirectory, file)}"] = Encoding.UTF8.GetString(await ReadSharedAsync(file));

        Assert.True(places["logs"].Length > 1000, "the log capture should have caught the run");
        foreach (var (place, text) in places)
        {
            Assert.False(text.Contains(Planted, StringComparison.Ordinal), $"the secret leaked into {place}");
            Assert.False(text.Contains(Uri.EscapeDataString(Planted), StringComparison.Ordinal), $"the secret leaked (URL-encoded) into {place}");
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
