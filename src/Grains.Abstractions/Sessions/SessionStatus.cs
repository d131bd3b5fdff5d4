namespace RpaOrleans.Sessions;

/// <summary>Lifecycle of a session: Queued → Starting → Running ⇄ Paused → one terminal state.</summary>
public enum SessionStatus
{
    Queued,
    Starting,
    Running,
    Paused,
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
}
