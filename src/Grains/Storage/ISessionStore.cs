namespace RpaOrleans.Storage;

/// <summary>
/// Durable history of sessions, their steps and the audit log. Writes are idempotent:
/// a step is keyed by (session, index), so replaying a checkpoint never records a step twice.
/// </summary>
public interface ISessionStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    Task UpsertSessionAsync(SessionSnapshot snapshot, CancellationToken cancellationToken = default);

    Task<SessionSnapshot?> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default);

    Task<SessionPage> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken = default);

    /// <summary>Ids of sessions that have not reached a terminal state, oldest first.</summary>
    Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken = default);

    Task UpsertStepAsync(StepRecord step, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StepRecord>> GetStepsAsync(string sessionId, CancellationToken cancellationToken = default);

    Task<StepRecord?> GetStepAsync(string sessionId, int index, CancellationToken cancellationToken = default);

    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string tenantId, string? sessionId, int limit, CancellationToken cancellationToken = default);
}
