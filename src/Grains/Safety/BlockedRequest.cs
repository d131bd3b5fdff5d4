namespace RpaOrleans.Safety;

/// <summary>A request the network policy stopped.</summary>
public sealed record BlockedRequest(string Url, string Reason, bool IsDocument, DateTimeOffset At);
