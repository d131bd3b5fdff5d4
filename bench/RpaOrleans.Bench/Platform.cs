using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace RpaOrleans.Bench;

/// <summary>
/// A client of the running platform: REST to create sessions, one SignalR connection on the
/// fleet feed that completes a task per session when its <c>finished</c> message arrives and
/// records, for every <c>step</c> message, how long after publication it was received.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HubConnection _hub;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _finished = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _clockOrigin = DateTimeOffset.UtcNow;

    private Platform(string baseUrl)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Add("X-Api-Key", PlatformHost.ApiKey);
        _hub = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}/hubs/sessions", o => o.Headers["X-Api-Key"] = PlatformHost.ApiKey)
            .Build();
        _hub.On<JsonObject>("step", OnStep);
        _hub.On<JsonObject>("finished", OnFinished);
        _hub.On<JsonObject>("status", OnStatus);
        _hub.On<JsonObject>("recovered", m => Recoveries.Enqueue((m["sessionId"]!.GetValue<string>(), m["at"]!.GetValue<DateTimeOffset>(), Now)));
    }

    /// <summary>Every step message: session, index, when the step started (platform clock) and when it arrived here.</summary>
    public ConcurrentQueue<(string SessionId, int Index, DateTimeOffset StartedAt, DateTimeOffset Received)> Steps { get; } = new();

    /// <summary>Every <c>recovered</c> message: a session resumed after losing its silo (published at, received at).</summary>
    public ConcurrentQueue<(string SessionId, DateTimeOffset At, DateTimeOffset Received)> Recoveries { get; } = new();

    /// <summary>Sessions that reached Running (their start page is open).</summary>
    public ConcurrentDictionary<string, bool> Running { get; } = new();

    /// <summary>Publish → receive, ms, for every step message while recording is on.</summary>
    public ConcurrentQueue<double> EventLatencies { get; } = new();

    /// <summary>Step end (started + total) → receive, ms: includes the checkpoint written before publishing.</summary>
    public ConcurrentQueue<double> StepEndLatencies { get; } = new();

    /// <summary>Per-step total ms as the platform timed it, for every step message.</summary>
    public ConcurrentQueue<(string SessionId, int Index, int TotalMs)> StepTimes { get; } = new();

    public bool Recording { get; set; } = true;

    public static async Task<Platform> ConnectAsync(string baseUrl)
    {
        var platform = new Platform(baseUrl);
        await platform._hub.StartAsync();
        await platform._hub.InvokeAsync("SubscribeFleet");
        return platform;
    }

    /// <summary>Wall-clock now with a monotonic clock (no NTP steps mid-run).</summary>
    public DateTimeOffset Now => _clockOrigin + _clock.Elapsed;

    private void OnStep(JsonObject message)
    {
        var received = Now;
        if (message["step"] is JsonObject recorded)
            Steps.Enqueue((message["sessionId"]!.GetValue<string>(), recorded["index"]!.GetValue<int>(), recorded["startedAt"]!.GetValue<DateTimeOffset>(), received));
        if (!Recording) return;
        var at = message["at"]!.GetValue<DateTimeOffset>();
        EventLatencies.Enqueue((received - at).TotalMilliseconds);
        if (message["step"] is JsonObject step)
        {
            var started = step["startedAt"]!.GetValue<DateTimeOffset>();
            var total = step["timings"]!["totalMs"]!.GetValue<int>();
            StepEndLatencies.Enqueue((received - started.AddMilliseconds(total)).TotalMilliseconds);
            StepTimes.Enqueue((message["sessionId"]!.GetValue<string>(), step["index"]!.GetValue<int>(), total));
        }
    }

    private void OnStatus(JsonObject message)
    {
        if (message["session"]?["status"]?.GetValue<string>() == "running") Running[message["sessionId"]!.GetValue<string>()] = true;
    }

    private void OnFinished(JsonObject message)
    {
        var id = message["sessionId"]!.GetValue<string>();
        _finished.GetOrAdd(id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(message);
    }

    public async Task<string> CreateAsync(JsonObject spec)
    {
        using var content = new StringContent(spec.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/api/v1/sessions", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"create failed: {(int)response.StatusCode} {body}");
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        _finished.GetOrAdd(id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        return id;
    }

    /// <summary>The session's finished message; throws unless it succeeded.</summary>
    public async Task<JsonObject> WaitFinishedAsync(string id, TimeSpan timeout)
    {
        var tcs = _finished.GetOrAdd(id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        var message = await tcs.Task.WaitAsync(timeout);
        _finished.TryRemove(id, out _);
        var status = message["session"]?["status"]?.GetValue<string>();
        if (status != "succeeded")
            throw new InvalidOperationException($"session {id} ended {status}: {message["session"]?["error"]?.ToJsonString()}");
        return message;
    }

    /// <summary>Runs one session start to finish; returns the wall time in ms.</summary>
    public async Task<double> RunAsync(JsonObject spec, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var id = await CreateAsync(spec);
        await WaitFinishedAsync(id, timeout);
        return watch.Elapsed.TotalMilliseconds;
    }

    public async Task<JsonObject> GetJsonAsync(string path) =>
        await _http.GetFromJsonAsync<JsonObject>(path) ?? throw new InvalidOperationException($"GET {path} gave null");

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _http.Dispose();
    }
}
