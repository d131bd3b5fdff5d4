namespace RpaOrleans.Sessions;

/// <summary>The kinds of <see cref="SessionEvent"/>.</summary>
public static class SessionEventKinds
{
    public const string Status = "status";
    public const string Step = "step";
    public const string Finished = "finished";
    public const string Recovered = "recovered";
}

/// <summary>Something that happened to a session, published on the events stream in order.</summary>
[GenerateSerializer, Immutable, Alias("rpa.SessionEvent")]
public sealed record SessionEvent(
    [property: Id(0)] string Kind,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string TenantId,
    [property: Id(3)] long Sequence,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] SessionSnapshot Snapshot,
    [property: Id(6)] StepRecord? Step = null);
