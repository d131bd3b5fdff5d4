using RpaOrleans.Capacity;
using RpaOrleans.Hosting;

namespace RpaOrleans.WebHost.Realtime;

/// <summary>Reads the admission queue's depth every few seconds for the <c>rpa_queue_depth</c> gauge.</summary>
public sealed partial class QueueDepthSampler(IGrainFactory grains, RpaMetrics metrics, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                metrics.QueuedByTenant = (await grains.GetGrain<IAdmissionGrain>(AdmissionKeys.Cluster).GetSnapshotAsync()).QueuedByTenant;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSampleFailed(ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sampling the admission queue failed: {Reason}")]
    private partial void LogSampleFailed(string reason);
}
