using System.Diagnostics;
using RpaOrleans.Hosting;

namespace RpaOrleans.Sessions;

/// <summary>
/// One span per recorded step with children for observe, plan and act, built from the step's own
/// timings once it is recorded (so the loop stays free of tracing code). The step span is a child
/// of whatever activity is current, which Orleans propagates across grain calls.
/// </summary>
public static class StepTracing
{
    private static readonly ActivitySource Source = new(ObservabilityExtensions.SessionsActivitySource);

    public static void Record(StepRecord step, string tenantId)
    {
        if (!Source.HasListeners()) return;
        var start = step.StartedAt;
        var timings = step.Timings;
        using var span = Source.StartActivity("session.step", ActivityKind.Internal, parentContext: default, startTime: start);
        if (span is null) return;
        span.SetTag("rpa.session_id", step.SessionId);
        span.SetTag("rpa.tenant_id", tenantId);
        span.SetTag("rpa.step.index", step.Index);
        span.SetTag("rpa.step.action", step.Action?.Action.ToString().ToLowerInvariant());
        span.SetTag("rpa.step.ok", step.Ok);
        span.SetTag("rpa.tokens", step.Tokens.Total);
        if (!step.Ok) span.SetStatus(ActivityStatusCode.Error, step.Error);
        var offset = start;
        foreach (var (name, ms) in new[] { ("observe", timings.ObserveMs), ("plan", timings.PlanMs), ("act", timings.ActMs) })
        {
            using (var child = Source.StartActivity($"session.{name}", ActivityKind.Internal, span.Context, startTime: offset))
                child?.SetEndTime((offset + TimeSpan.FromMilliseconds(ms)).UtcDateTime);
            offset += TimeSpan.FromMilliseconds(ms);
        }
        span.SetEndTime((start + TimeSpan.FromMilliseconds(Math.Max(timings.TotalMs, timings.ObserveMs + timings.PlanMs + timings.ActMs))).UtcDateTime);
    }
}
