namespace RpaOrleans.Storage;

/// <summary>A page of a tenant's sessions, newest first, optionally filtered.</summary>
public sealed record SessionQuery(
    string TenantId,
    SessionStatus? Status = null,
    string? Text = null,
    DateTimeOffset? CreatedAfter = null,
    DateTimeOffset? CreatedBefore = null,
    int Page = 1,
    int PageSize = 20);
