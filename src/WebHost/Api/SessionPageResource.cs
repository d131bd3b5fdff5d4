namespace RpaOrleans.WebHost.Api;

public sealed record SessionPageResource(IReadOnlyList<SessionResource> Items, int Total, int Page, int PageSize);
