namespace RpaOrleans.Capacity;

/// <summary>The admission queue's checkpoint, written on every change.</summary>
[GenerateSerializer, Alias("rpa.AdmissionState")]
public sealed class AdmissionState
{
    [Id(0)] public List<QueuedSession> Queue { get; set; } = [];

    /// <summary>Admitted, unfinished sessions and their tenants.</summary>
    [Id(1)] public Dictionary<string, string> Admitted { get; set; } = [];

    [Id(2)] public long NextSequence { get; set; }
}
