namespace RpaOrleans.Storage;

/// <summary>Who did what to which session, and when.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string TenantId,
    string Actor,
    string Action,
    string? SessionId,
    string? Detail);
