namespace RpaOrleans.Sessions;

[GenerateSerializer, Immutable, Alias("rpa.TokenUsage")]
public sealed record TokenUsage(
    [property: Id(0)] long Input = 0,
    [property: Id(1)] long Output = 0,
    [property: Id(2)] double CostUsd = 0)
{
    public static TokenUsage None { get; } = new();

    public long Total => Input + Output;

    public TokenUsage Add(TokenUsage other) => new(Input + other.Input, Output + other.Output, CostUsd + other.CostUsd);
}
