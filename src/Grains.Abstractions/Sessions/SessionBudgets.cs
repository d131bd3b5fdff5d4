namespace RpaOrleans.Sessions;

/// <summary>Limits enforced while a session runs.</summary>
[GenerateSerializer, Immutable, Alias("rpa.SessionBudgets")]
public sealed record SessionBudgets(
    [property: Id(0)] int MaxSteps = 50,
    [property: Id(1)] long MaxTokens = 200_000,
    [property: Id(2)] int MaxDurationSeconds = 600)
{
    public static SessionBudgets Default { get; } = new();
}
