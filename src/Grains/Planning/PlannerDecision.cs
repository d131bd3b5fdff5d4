namespace RpaOrleans.Planning;

/// <summary>A planner's answer: an action, or a typed reason it could not give one.</summary>
public sealed record PlannerDecision(
    StepAction? Action,
    TokenUsage Tokens,
    string? RawAnswer = null,
    string? ErrorCode = null,
    string? Error = null)
{
    public static PlannerDecision Of(StepAction action) => new(action, TokenUsage.None);
}
