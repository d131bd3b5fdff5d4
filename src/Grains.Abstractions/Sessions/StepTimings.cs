namespace RpaOrleans.Sessions;

/// <summary>Milliseconds spent in each phase of a step.</summary>
[GenerateSerializer, Immutable, Alias("rpa.StepTimings")]
public sealed record StepTimings(
    [property: Id(0)] int ObserveMs,
    [property: Id(1)] int PlanMs,
    [property: Id(2)] int ActMs,
    [property: Id(3)] int TotalMs);
