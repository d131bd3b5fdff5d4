namespace RpaOrleans.Capacity;

/// <summary>
/// The cluster's durable admission queue: a session may start while the admitted sessions fit the
/// cluster's browser slots and its tenant is under quota; otherwise it waits, ordered by priority
/// (higher first) then arrival. Admitted sessions are woken when their turn comes.
/// </summary>
[Alias("rpa.IAdmissionGrain")]
public interface IAdmissionGrain : IGrainWithStringKey
{
    /// <summary>True when the session may start now (idempotent: an admitted session stays admitted).</summary>
    [Alias("Request")]
    Task<bool> RequestAsync(string sessionId, string tenantId, int priority);

    /// <summary>The session ended or left the queue: frees its place and admits the next ones.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string sessionId);

    /// <summary>Capacity appeared (a silo joined, slots freed): admit what now fits.</summary>
    [Alias("Dispatch")]
    Task DispatchAsync();

    [AlwaysInterleave, Alias("GetSnapshot")]
    Task<AdmissionSnapshot> GetSnapshotAsync();
}
