namespace RpaOrleans.Sessions;

/// <summary>One browser session, keyed by its session id.</summary>
[Alias("rpa.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Accepts the spec and queues the session. Idempotent for the same tenant.</summary>
    [Alias("Start")]
    Task<SessionSnapshot> StartAsync(string tenantId, SessionSpec spec);

    [AlwaysInterleave, Alias("GetSnapshot")]
    Task<SessionSnapshot?> GetSnapshotAsync();

    /// <summary>Stops the session after the step in flight, if any.</summary>
    [AlwaysInterleave, Alias("Cancel")]
    Task<SessionSnapshot?> CancelAsync(string? reason);

    [AlwaysInterleave, Alias("Pause")]
    Task<SessionSnapshot?> PauseAsync();

    [AlwaysInterleave, Alias("Resume")]
    Task<SessionSnapshot?> ResumeAsync();

    /// <summary>Runs exactly one step of a paused session and stays paused.</summary>
    [Alias("StepOnce")]
    Task<SessionSnapshot?> StepOnceAsync();

    /// <summary>Makes sure an unfinished session is active and progressing (after a restart or crash).</summary>
    [AlwaysInterleave, Alias("Wake")]
    Task WakeAsync();

    /// <summary>This silo is shutting down: checkpoint after the step in flight and move to another silo.</summary>
    [AlwaysInterleave, Alias("HandOver")]
    Task HandOverAsync();
}
