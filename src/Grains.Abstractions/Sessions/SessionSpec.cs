using RpaOrleans.Plans;

namespace RpaOrleans.Sessions;

/// <summary>What a client asks for: a goal for the LLM, a plan to replay, or both.</summary>
[GenerateSerializer, Immutable, Alias("rpa.SessionSpec")]
public sealed record SessionSpec(
    [property: Id(0)] string? Goal,
    [property: Id(1)] IReadOnlyList<StepAction>? Plan,
    [property: Id(2)] string? StartUrl,
    [property: Id(3)] string? ResultSchema,
    [property: Id(4)] IReadOnlyList<string>? AllowedDomains,
    [property: Id(5)] SessionBudgets? Budgets,
    [property: Id(6)] int Priority = 0,
    [property: Id(7)] string? Webhook = null,
    [property: Id(8)] IReadOnlyDictionary<string, string>? Metadata = null,
    [property: Id(9)] IReadOnlyList<SessionFile>? Files = null,
    [property: Id(10)] DialogPolicy? Dialogs = null)
{
    public SessionBudgets EffectiveBudgets => Budgets ?? SessionBudgets.Default;

    public bool HasPlan => Plan is { Count: > 0 };

    public bool HasGoal => !string.IsNullOrWhiteSpace(Goal);
}
