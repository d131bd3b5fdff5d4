using RpaOrleans.Observation;

namespace RpaOrleans.Planning;

/// <summary>Everything a planner may use to choose the next action.</summary>
public sealed record PlannerContext(
    string SessionId,
    string TenantId,
    SessionSpec Spec,
    int StepIndex,
    int PlanCursor,
    PageObservation Observation,
    IReadOnlyList<string> History,
    string? LastError,
    IReadOnlyDictionary<string, string> Extracted,
    IReadOnlyList<string> SecretNames,
    IReadOnlyList<string>? Subgoals = null);
