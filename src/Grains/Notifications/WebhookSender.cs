using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RpaOrleans.Serialization;

namespace RpaOrleans.Notifications;

/// <summary>
/// Posts a session's final snapshot to its webhook, off the grain's turn, with retries and
/// backoff. Delivery is at least once; receivers should use the session id to de-duplicate.
/// </summary>
public sealed partial class WebhookSender(IOptions<WebhookOptions> options, ILogger<WebhookSender> logger) : BackgroundService
{
    private readonly Channel<(string Url, SessionSnapshot Snapshot)> _queue =
        Channel.CreateBounded<(string, SessionSnapshot)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds) };

    public void Enqueue(string url, SessionSnapshot snapshot) => _queue.Writer.TryWrite((url, snapshot));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (url, snapshot) in _queue.Reader.ReadAllAsync(stoppingToken))
            await DeliverAsync(url, snapshot, stoppingToken);
    }

    private async Task DeliverAsync(string url, SessionSnapshot snapshot, CancellationToken cancellationToken)
    {
        var body = RpaJson.Serialize(new { @event = "session.finished", session = snapshot with { Spec = snapshot.Spec with { Plan = null } } });
        var attempts = options.Value.Attempts;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Rpa-Event", "session.finished");
                request.Headers.Add("X-Rpa-Session", snapshot.Id);
                if (options.Value.SigningSecret is { Length: > 0 } secret)
                {
                    var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body));
                    request.Headers.Add("X-Rpa-Signature", "sha256=" + Convert.ToHexStringLower(mac));
                }
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode) return;
                LogRejected(snapshot.Id, (int)response.StatusCode, attempt);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogFailed(snapshot.Id, attempt, ex.Message);
            }
            if (attempt < attempts) await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)), cancellationToken);
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook for session {SessionId} answered {Status} (attempt {Attempt})")]
    private partial void LogRejected(string sessionId, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook for session {SessionId} failed (attempt {Attempt}): {Reason}")]
    private partial void LogFailed(string sessionId, int attempt, string reason);
}
