namespace RpaOrleans.Capacity;

/// <summary>Queue depth and admitted sessions, per tenant.</summary>
[GenerateSerializer, Immutable, Alias("rpa.AdmissionSnapshot")]
public sealed record AdmissionSnapshot(
    [property: Id(0)] IReadOnlyDictionary<string, int> QueuedByTenant,
    [property: Id(1)] IReadOnlyDictionary<string, int> AdmittedByTenant,
    [property: Id(2)] int Capacity);
