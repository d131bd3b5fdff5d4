namespace RpaOrleans.Capacity;

/// <summary>One silo's browser slots as it last reported them.</summary>
[GenerateSerializer, Immutable, Alias("rpa.SiloSlots")]
public sealed record SiloSlots(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] int Capacity,
    [property: Id(2)] int InUse,
    [property: Id(3)] bool Draining,
    [property: Id(4)] DateTimeOffset ReportedAt,
    [property: Id(5)] int WatchPort = 0)
{
    /// <summary>Slots a new session could take here; zero while the silo drains.</summary>
    public int Free => Draining ? 0 : Math.Max(0, Capacity - InUse);
}
