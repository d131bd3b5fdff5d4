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

    /// <summary>How many of the tenant's sessions are in each status (statuses with none are left out).</summary>
    Task<IReadOnlyDictionary<SessionStatus, int>> CountByStatusAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>When the tenant's sessions that ended at or after <paramref name="since"/> ended, oldest first.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ListEndTimesAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken = default);

    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string tenantId, string? sessionId, int limit, CancellationToken cancellationToken = default);
}
