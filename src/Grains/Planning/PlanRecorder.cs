using System.Text.Json;

namespace RpaOrleans.Planning;

/// <summary>Turns a session's successful steps into a plan that replays without an LLM.</summary>
public static class PlanRecorder
{
    public static PlanDocument Record(SessionSnapshot session, IReadOnlyList<StepRecord> steps)
    {
        var plan = new List<StepAction>();
        var healed = 0;
        foreach (var step in steps)
        {
            if (!step.Ok || step.Action is not { } action) continue;
            if (action.Action == ActionKind.Finish) continue; // results come from the replay's own extract steps
            if (step.Notes?.Any(n => n.StartsWith("healed:", StringComparison.Ordinal)) == true) healed++;
            plan.Add(new StepAction(
                action.Action,
                Target: step.Target ?? action.Target,
                Value: action.Value,
                Url: action.Url,
                Field: action.Field,
                Submit: action.Submit,
                Description: action.Description ?? action.Reasoning));
        }
        JsonElement? schema = null;
        if (session.Spec.ResultSchema is { } text)
        {
            using var document = JsonDocument.Parse(text);
            schema = document.RootElement.Clone();
        }
        return new PlanDocument(
            PlanDocument.CurrentVersion,
            new PlanProvenance(session.Id, DateTimeOffset.UtcNow, plan.Count, healed),
            session.Spec.Goal,
            session.Spec.StartUrl,
            schema,
            session.Spec.AllowedDomains,
            plan);
    }
}
