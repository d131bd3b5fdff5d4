namespace RpaOrleans.Sessions;

public static class SessionStatusExtensions
{
    /// <summary>True once a session can no longer change.</summary>
    public static bool IsTerminal(this SessionStatus status) => status >= SessionStatus.Succeeded;
}
