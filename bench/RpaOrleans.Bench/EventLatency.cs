namespace RpaOrleans.Bench;

/// <summary>4. Event latency: a step's event published by the grain → received by a SignalR client on the fleet feed.</summary>
public static class EventLatency
{
    public static BenchResult Report(List<double> idle, List<double> idleStepEnd, ThroughputBench.Level? peak)
    {
        var result = new BenchResult("4. Event latency (step published → SignalR client)");
        var i = Stats.Of(idle);
        var e = Stats.Of(idleStepEnd);
        result.Line("Measured on every `step` message: receive time in a .NET SignalR client (fleet feed, same machine) minus the event's `at` " +
                    "(stamped by the grain just before `OnNextAsync` on the memory stream). Path: grain → memory stream (pulling agent, 10 ms poll) → " +
                    "relay in the web host → SignalR group → WebSocket. \"Step end\" starts at `startedAt + timings.totalMs`, so it adds the checkpoint " +
                    "(artifact write, SQLite grain state, step row, session row) done before publishing.");
        result.Line("");
        result.Line("| load | events | publish → received ms p50 / p95 / p99 | step end → received ms p50 / p95 / p99 |");
        result.Line("|---|---|---|---|");
        result.Line($"| one session at a time (step-overhead runs) | {i.Count} | {i.Tail("0.0")} | {e.Tail("0.0")} |");
        Stats? p = null;
        if (peak is not null)
        {
            p = Stats.Of(peak.EventMs);
            result.Line($"| throughput peak, {peak.Concurrency} concurrent sessions | {p.Count} | {p.Tail("0.0")} | — |");
        }
        var worst = p is { Count: > 0 } ? Math.Max(i.P95, p.P95) : i.P95;
        result.Target("step event to dashboard p95 ≤ 50 ms", $"p95 {i.P95:0.0} ms idle{(p is { Count: > 0 } ? $", {p.P95:0.0} ms at the throughput peak" : "")}", worst <= 50);
        return result;
    }
}
