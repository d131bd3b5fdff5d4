using Microsoft.AspNetCore.SignalR;
using Orleans.Streams;
using RpaOrleans.Hosting;

namespace RpaOrleans.WebHost.Realtime;

/// <summary>
/// Subscribes, inside this silo process, to the events stream and forwards each event to the
/// session's group and the tenant's fleet group. The stream hands events over one at a time, so
/// each group sees them in the order they were published.
/// </summary>
public sealed partial class SessionEventRelay(
    IClusterClient cluster, IHubContext<SessionsHub> hub, RelayReadiness readiness, RpaMetrics metrics, ILogger<SessionEventRelay> logger) : IHostedService
{
    private StreamSubscriptionHandle<SessionEvent>? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stream = cluster.GetStreamProvider(SessionStreams.Provider)
            .GetStream<SessionEvent>(StreamId.Create(SessionStreams.Namespace, SessionStreams.FleetKey));
        _subscription = await stream.SubscribeAsync(OnEventAsync);
        readiness.Ready = true;
    }

    private async Task OnEventAsync(SessionEvent e, StreamSequenceToken? token)
    {
        metrics.Observe(e);
        try
        {
            var message = SessionEventMessage.From(e);
            await hub.Clients.Group(SessionsHub.SessionGroup(e.SessionId)).SendAsync(e.Kind, message);
            await hub.Clients.Group(SessionsHub.FleetGroup(e.TenantId)).SendAsync(e.Kind, message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRelayFailed(e.SessionId, e.Kind, ex);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        readiness.Ready = false;
        if (_subscription is null) return;
        try
        {
            await _subscription.UnsubscribeAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnsubscribeFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying {Kind} of session {SessionId} failed")]
    private partial void LogRelayFailed(string sessionId, string kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing the relay failed")]
    private partial void LogUnsubscribeFailed(Exception exception);
}
