namespace RpaOrleans.Sessions;

/// <summary>
/// The logging scope of everything a session logs: structured (<c>SessionId</c>, <c>TenantId</c>
/// properties for JSON and OpenTelemetry log exporters) and readable on the console.
/// </summary>
internal static class SessionLogScope
{
    private static readonly Func<ILogger, string, IDisposable?> Session =
        LoggerMessage.DefineScope<string>("Session {SessionId}");

    private static readonly Func<ILogger, string, string, IDisposable?> SessionOfTenant =
        LoggerMessage.DefineScope<string, string>("Session {SessionId} of tenant {TenantId}");

    public static IDisposable? Begin(ILogger logger, string sessionId) => Session(logger, sessionId);

    public static IDisposable? Begin(ILogger logger, string sessionId, string tenantId) => SessionOfTenant(logger, sessionId, tenantId);
}
