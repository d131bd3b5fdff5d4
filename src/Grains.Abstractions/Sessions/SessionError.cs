namespace RpaOrleans.Sessions;

/// <summary>A typed failure: a stable machine-readable code and a human message.</summary>
[GenerateSerializer, Immutable, Alias("rpa.SessionError")]
public sealed record SessionError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] int? Step = null);
