using RpaOrleans.Plans;

namespace RpaOrleans.Sessions;

/// <summary>One executed step: what was seen, decided and done.</summary>
[GenerateSerializer, Immutable, Alias("rpa.StepRecord")]
public sealed record StepRecord(
    [property: Id(0)] string SessionId,
    [property: Id(1)] int Index,
    [property: Id(2)] StepAction? Action,
    [property: Id(3)] bool Ok,
    [property: Id(4)] string? Error,
    [property: Id(5)] string? PageUrl,
    [property: Id(6)] string? PageTitle,
    [property: Id(7)] string? Screenshot,
    [property: Id(8)] DateTimeOffset StartedAt,
    [property: Id(9)] StepTimings Timings,
    [property: Id(10)] TokenUsage Tokens,
    [property: Id(11)] TargetDescriptor? Target,
    [property: Id(12)] ElementBox? TargetBox,
    [property: Id(13)] int ElementCount,
    [property: Id(14)] string? Output = null,
    [property: Id(15)] string? RawPlannerAnswer = null,
    [property: Id(16)] IReadOnlyList<string>? Notes = null);
