using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RpaOrleans.Serialization;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>A thin HTTP client for the REST API, answering raw JSON so tests see the wire format.</summary>
public sealed class ApiClient(string baseUrl, string apiKey) : IDisposable
{
    public HttpClient Http { get; } = Create(baseUrl, apiKey);

    public string BaseUrl => baseUrl;

    public string ApiKey => apiKey;

    private static HttpClient Create(string baseUrl, string apiKey)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<JsonObject> CreateAsync(object request)
    {
        var response = await Http.PostAsync("/api/v1/sessions",
            new StringContent(JsonSerializer.Serialize(request, RpaJson.Options), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"Create failed {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonObject> GetAsync(string id) =>
        (await Http.GetFromJsonAsync<JsonObject>($"/api/v1/sessions/{id}"))!;

    public async Task<JsonArray> StepsAsync(string id) =>
        (await Http.GetFromJsonAsync<JsonArray>($"/api/v1/sessions/{id}/steps"))!;

    public async Task<JsonObject> PostAsync(string path)
    {
        var response = await Http.PostAsync(path, null);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"POST {path} failed {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static bool IsTerminal(JsonObject session) =>
        session["status"]!.GetValue<string>() is "succeeded" or "failed" or "cancelled" or "timedOut";

    public Task<JsonObject> WaitForStatusAsync(string id, Func<string, bool> done, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(() => GetAsync(id), s => done(s["status"]!.GetValue<string>()),
            timeout ?? TimeSpan.FromSeconds(90), $"session {id} status");

    public Task<JsonObject> WaitForEndAsync(string id, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(() => GetAsync(id), IsTerminal, timeout ?? TimeSpan.FromSeconds(120), $"session {id} to end");

    public void Dispose() => Http.Dispose();
}
