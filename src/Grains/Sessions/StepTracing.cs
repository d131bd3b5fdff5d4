using System.Diagnostics;
using RpaOrleans.Hosting;

namespace RpaOrleans.Sessions;

/// <summary>
/// The session loop's spans: one <c>session.step</c> per step, with <c>session.observe</c>,
/// <c>session.plan</c> (the LLM's HTTP calls nest under it) and <c>session.act</c> children
/// around the real work. The step span joins whatever activity is current (Orleans propagates it
/// across grain calls); a timer-driven step starts its own trace, tagged with the session id.
/// </summary>
public static class StepTracing
{
    private static readonly ActivitySource Source = new(ObservabilityExtensions.SessionsActivitySource);

    public static Activity? StartStep(string sessionId, string tenantId, int index)
    {
        var span = Source.StartActivity("session.step");
        span?.SetTag("rpa.session_id", sessionId);
        span?.SetTag("rpa.tenant_id", tenantId);
        span?.SetTag("rpa.step.index", index);
        return span;
    }

    /// <summary>A child of the current step span (observe, plan or act).</summary>
    public static Activity? StartPhase(string name) => Source.StartActivity("session." + name);

    public static void Fail(Activity? span, string? reason) => span?.SetStatus(ActivityStatusCode.Error, reason);

    /// <summary>What the step did, once it is recorded.</summary>
    public static void Complete(Activity? span, StepRecord step)
    {
        if (span is null) return;
        span.SetTag("rpa.step.action", step.Action?.Action.ToString().ToLowerInvariant());
        span.SetTag("rpa.step.ok", step.Ok);
        span.SetTag("rpa.tokens", step.Tokens.Total);
        if (!step.Ok) span.SetStatus(ActivityStatusCode.Error, step.Error);
    }
}
