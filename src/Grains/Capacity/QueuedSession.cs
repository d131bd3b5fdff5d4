namespace RpaOrleans.Capacity;

[GenerateSerializer, Immutable, Alias("rpa.QueuedSession")]
public sealed record QueuedSession(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] int Priority,
    [property: Id(3)] long Sequence);
