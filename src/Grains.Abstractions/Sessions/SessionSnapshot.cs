namespace RpaOrleans.Sessions;

/// <summary>The state of a session as clients see it.</summary>
[GenerateSerializer, Immutable, Alias("rpa.SessionSnapshot")]
public sealed record SessionSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string TenantId,
    [property: Id(2)] SessionSpec Spec,
    [property: Id(3)] SessionStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] DateTimeOffset? StartedAt,
    [property: Id(7)] DateTimeOffset? EndedAt,
    [property: Id(8)] int StepCount,
    [property: Id(9)] string? ResultJson,
    [property: Id(10)] SessionError? Error,
    [property: Id(11)] TokenUsage Tokens,
    [property: Id(12)] string? CurrentUrl,
    [property: Id(13)] string? LastScreenshot = null,
    [property: Id(14)] int RecoveryCount = 0);
