using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RpaOrleans.Storage;
using RpaOrleans.WebHost.Api;
using RpaOrleans.WebHost.Auth;

namespace RpaOrleans.WebHost.Realtime;

/// <summary>
/// <c>/hubs/sessions</c>: subscribe to one session or to the tenant's fleet feed. Clients receive
/// <c>status</c>, <c>step</c>, <c>recovered</c> and <c>finished</c> messages in order.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class SessionsHub(ISessionStore store) : Hub
{
    public static string SessionGroup(string sessionId) => $"session:{sessionId}";

    public static string FleetGroup(string tenantId) => $"fleet:{tenantId}";

    /// <summary>Joins the session's group and returns its current state, to catch up from.</summary>
    public async Task<SessionResource> SubscribeSession(string sessionId)
    {
        var snapshot = await store.GetSessionAsync(sessionId);
        if (snapshot is null || snapshot.TenantId != Context.User!.TenantId())
            throw new HubException($"Session '{sessionId}' not found.");
        await Groups.AddToGroupAsync(Context.ConnectionId, SessionGroup(sessionId));
        return SessionResource.From(snapshot);
    }

    public Task UnsubscribeSession(string sessionId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, SessionGroup(sessionId));

    public Task SubscribeFleet() =>
        Groups.AddToGroupAsync(Context.ConnectionId, FleetGroup(Context.User!.TenantId()));

    public Task UnsubscribeFleet() =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, FleetGroup(Context.User!.TenantId()));
}
