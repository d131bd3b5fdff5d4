using Orleans.Runtime.Providers;

namespace RpaOrleans.Hosting;

/// <summary>
/// How long the events stream's pulling agents wait before they read a queue again, or deliver to a
/// subscriber again, after a failure. Orleans waits 10–20 s before re-reading a queue by default: when the
/// silo holding a memory-stream queue dies, every session's live feed (the hub and the dashboard, the metrics) would
/// stall that long although the queue is back on a survivor about a second later. Here the first retry
/// comes after <see cref="First"/> and the wait doubles up to <see cref="Longest"/>.
/// </summary>
public sealed class StreamRetryBackoff(TimeSpan first, TimeSpan longest) : IQueueReaderBackoffProvider, IMessageDeliveryBackoffProvider
{
    public TimeSpan First { get; } = first > TimeSpan.Zero ? first : throw new ArgumentOutOfRangeException(nameof(first), "The first wait must be positive.");

    public TimeSpan Longest { get; } = longest >= first ? longest : throw new ArgumentOutOfRangeException(nameof(longest), "The longest wait cannot be shorter than the first.");

    public TimeSpan Next(int attempt)
    {
        // Orleans counts attempts from 0: Next(0) is the wait after the first failure.
        var doublings = Math.Clamp(attempt, 0, 30);
        var wait = First.Ticks * (1L << doublings);
        return wait <= 0 || wait > Longest.Ticks ? Longest : TimeSpan.FromTicks(wait);
    }
}
