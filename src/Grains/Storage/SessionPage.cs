namespace RpaOrleans.Storage;

public sealed record SessionPage(IReadOnlyList<SessionSnapshot> Items, int Total, int Page, int PageSize);
