using System.Diagnostics.Metrics;
using RpaOrleans.Browser;

namespace RpaOrleans.Hosting;

/// <summary>
/// The platform's own instruments (meter <c>RpaOrleans</c>): browser slots on every silo; step
/// latency, tokens and sessions by state where the events stream is relayed (the web host).
/// </summary>
public sealed class RpaMetrics : IDisposable
{
    public const string MeterName = "RpaOrleans";

    private readonly Meter _meter;
    private readonly Dictionary<string, SessionStatus> _statusBySession = [];
    private readonly Lock _lock = new();

    public RpaMetrics(BrowserPool browsers, IMeterFactory meters)
    {
        // From the host's factory: the meter is then this host's (see AddRpaObservability), not the process's.
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("rpa_browser_slots", () => browsers.Capacity, description: "Browser slots of this process.");
        _meter.CreateObservableGauge("rpa_browser_slots_in_use", () => browsers.InUse, description: "Browser slots taken on this process.");
        _meter.CreateObservableGauge("rpa_sessions", ObserveSessions, description: "Sessions seen on the events stream, by state.");
        StepLatency = _meter.CreateHistogram<double>("rpa_step_duration", "ms", "Time of one observe-plan-act step.");
        Tokens = _meter.CreateCounter<long>("rpa_llm_tokens", description: "LLM tokens used by steps.");
        _meter.CreateObservableGauge("rpa_queue_depth", ObserveQueue, description: "Sessions waiting for admission, by tenant.");
        Finished = _meter.CreateCounter<long>("rpa_sessions_finished", description: "Sessions that ended, by final status.");
        Recovered = _meter.CreateCounter<long>("rpa_sessions_recovered", description: "Sessions resumed after their silo or process was lost.");
    }

    public Counter<long> Finished { get; }

    public Counter<long> Recovered { get; }

    public Histogram<double> StepLatency { get; }

    public Counter<long> Tokens { get; }

    /// <summary>The last admission snapshot seen (set by whoever polls the queue).</summary>
    public IReadOnlyDictionary<string, int> QueuedByTenant { get; set; } = new Dictionary<string, int>();

    private const int RecentCapacity = 4_096;
    private readonly HashSet<(string, long, long)> _recent = [];
    private readonly Queue<(string, long, long)> _recentOrder = new();

    /// <summary>
    /// Feeds the instruments from one event of the stream. An event delivered twice (a publish retried
    /// after the silo holding its queue died having taken it) is counted once.
    /// </summary>
    public void Observe(SessionEvent e)
    {
        lock (_lock)
        {
            var key = (e.SessionId, e.Sequence, e.At.UtcTicks);
            if (!_recent.Add(key)) return;
            _recentOrder.Enqueue(key);
            if (_recentOrder.Count > RecentCapacity) _recent.Remove(_recentOrder.Dequeue());
        }
        if (e.Kind == SessionEventKinds.Finished)
            Finished.Add(1, new KeyValuePair<string, object?>("status", e.Snapshot.Status.ToString().ToLowerInvariant()));
        else if (e.Kind == SessionEventKinds.Recovered)
            Recovered.Add(1);
        if (e.Step is { } step)
        {
            StepLatency.Record(step.Timings.TotalMs);
            if (step.Tokens.Total > 0) Tokens.Add(step.Tokens.Total);
        }
        lock (_lock)
        {
            if (e.Snapshot.Status.IsTerminal()) _statusBySession.Remove(e.SessionId);
            else _statusBySession[e.SessionId] = e.Snapshot.Status;
        }
    }

    private IEnumerable<Measurement<int>> ObserveQueue() =>
        QueuedByTenant.Select(q => new Measurement<int>(q.Value, new KeyValuePair<string, object?>("tenant", q.Key))).ToList();

    private IEnumerable<Measurement<int>> ObserveSessions()
    {
        lock (_lock)
        {
            return _statusBySession.Values.GroupBy(s => s)
                .Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("state", g.Key.ToString().ToLowerInvariant())))
                .ToList();
        }
    }

    public void Dispose() => _meter.Dispose();
}
