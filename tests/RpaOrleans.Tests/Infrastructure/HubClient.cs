using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>A real SignalR client on the sessions hub that records every event it receives, in order.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    /// <summary>Every event in arrival order, with when this client received it.</summary>
    public ConcurrentQueue<(string Kind, JsonObject Message, DateTimeOffset ReceivedAt)> Events { get; } = new();

    private HubClient(HubConnection connection) => _connection = connection;

    public static async Task<HubClient> ConnectAsync(string baseUrl, string apiKey)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}/hubs/sessions", o => o.Headers["X-Api-Key"] = apiKey)
            .Build();
        var client = new HubClient(connection);
        foreach (var kind in new[] { "status", "step", "finished", "recovered" })
            connection.On<JsonObject>(kind, message => client.Events.Enqueue((kind, message, DateTimeOffset.UtcNow)));
        await connection.StartAsync();
        return client;
    }

    public HubConnection Connection => _connection;

    public Task SubscribeFleetAsync() => _connection.InvokeAsync("SubscribeFleet");

    public Task<JsonObject> SubscribeSessionAsync(string id) => _connection.InvokeAsync<JsonObject>("SubscribeSession", id);

    public List<(string Kind, JsonObject Message, DateTimeOffset ReceivedAt)> For(string sessionId) =>
        Events.Where(e => e.Message["sessionId"]!.GetValue<string>() == sessionId).ToList();

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
