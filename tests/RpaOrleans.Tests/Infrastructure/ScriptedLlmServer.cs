using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>One chat request the scripted server received.</summary>
public sealed record ScriptedCall(int Number, string UserPrompt, JsonObject Request, string Role = "navigator")
{
    public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// A real OpenAI-compatible HTTP server (<c>POST /v1/chat/completions</c>) answering from scripts.
/// A script is chosen by a marker word that appears in the prompt (put it in the session's goal),
/// so concurrent sessions each get their own answers.
/// </summary>
public sealed class ScriptedLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ScriptState> _scripts = new();
    private readonly ConcurrentDictionary<(string Marker, string Role), ScriptState> _roleScripts = new();

    /// <summary>Default answers for the roles around the navigator, unless a test scripts them.</summary>
    private static readonly Dictionary<string, string> RoleDefaults = new()
    {
        ["planner"] = """{"subgoals":["Work towards the goal on this site"]}""",
        ["judge"] = """{"achieved":true,"reason":"The page supports the result."}""",
        ["extractor"] = "{}",
    };

    private sealed class ScriptState(Func<ScriptedCall, string> answer)
    {
        private int _calls;
        public ConcurrentQueue<ScriptedCall> Calls { get; } = new();
        public Func<ScriptedCall, string> Answer { get; } = answer;
        public int Next() => Interlocked.Increment(ref _calls);
    }

    private ScriptedLlmServer(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public static async Task<ScriptedLlmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedLlmServer(app);
        app.MapPost("/v1/chat/completions", (Delegate)server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = app.Urls.First() + "/v1";
        return server;
    }

    /// <summary>Answers prompts containing <paramref name="marker"/>; the function sees the call number (1-based).</summary>
    public void Script(string marker, Func<ScriptedCall, string> answer) => _scripts[marker] = new ScriptState(answer);

    /// <summary>Answers prompts containing <paramref name="marker"/> with these texts in order, repeating the last.</summary>
    public void Script(string marker, params string[] answers) =>
        Script(marker, call => answers[Math.Min(call.Number, answers.Length) - 1]);

    public IReadOnlyList<ScriptedCall> CallsFor(string marker) =>
        _scripts.TryGetValue(marker, out var script) ? [.. script.Calls] : [];

    /// <summary>Answers the planner, judge or extractor role for prompts containing <paramref name="marker"/>.</summary>
    public void ScriptRole(string marker, string role, Func<ScriptedCall, string> answer) => _roleScripts[(marker, role)] = new ScriptState(answer);

    public IReadOnlyList<ScriptedCall> CallsFor(string marker, string role) =>
        _roleScripts.TryGetValue((marker, role), out var script) ? [.. script.Calls] : [];

    private static string RoleOf(JsonArray messages)
    {
        var system = messages.FirstOrDefault(m => m!["role"]!.GetValue<string>() == "system") is { } m ? ContentOf(m["content"]) : "";
        if (system.Contains("You are the planner", StringComparison.Ordinal)) return "planner";
        if (system.Contains("You are the judge", StringComparison.Ordinal)) return "judge";
        if (system.Contains("You are the extractor", StringComparison.Ordinal)) return "extractor";
        return "navigator"; // the navigator and the plan healer both answer with actions
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        var messages = request["messages"]!.AsArray();
        var prompt = string.Join("\n", messages.Select(m => ContentOf(m!["content"])));
        var lastUser = messages.LastOrDefault(m => m!["role"]!.GetValue<string>() == "user");
        var role = RoleOf(messages);
        var script = _scripts.FirstOrDefault(s => prompt.Contains(s.Key, StringComparison.Ordinal));
        if (script.Value is null)
            return HttpResults.Json(new { error = new { message = "no script matches this prompt", type = "invalid_request_error" } }, statusCode: 400);
        ScriptState state;
        if (role == "navigator") state = script.Value;
        else state = _roleScripts.GetOrAdd((script.Key, role), _ => new ScriptState(_ => RoleDefaults[role]));
        var call = new ScriptedCall(state.Next(), ContentOf(lastUser?["content"]), request, role);
        state.Calls.Enqueue(call);
        var content = state.Answer(call);
        if (content.StartsWith("!status:", StringComparison.Ordinal))
        {
            // "!status:429;retry-after:1" answers with an HTTP error, as a throttled or failing endpoint would.
            var parts = content["!status:".Length..].Split(';');
            var status = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var header in parts.Skip(1))
            {
                var kv = header.Split(':', 2);
                http.Response.Headers[kv[0]] = kv[1];
            }
            return HttpResults.Json(new { error = new { message = $"scripted {status}", type = "server_error" } }, statusCode: status);
        }
        return HttpResults.Json(new
        {
            id = $"chatcmpl-{call.Number}",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model = request["model"]?.GetValue<string>() ?? "scripted",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = prompt.Length / 4, completion_tokens = content.Length / 4, total_tokens = prompt.Length / 4 + content.Length / 4 },
        });
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        null => "",
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Join("\n", parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => content.ToJsonString(),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
