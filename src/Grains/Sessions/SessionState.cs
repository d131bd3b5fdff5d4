namespace RpaOrleans.Sessions;

/// <summary>A session's checkpoint, written after every step and status change.</summary>
[GenerateSerializer, Alias("rpa.SessionState")]
public sealed class SessionState
{
    [Id(0)] public string? TenantId { get; set; }
    [Id(1)] public SessionSpec? Spec { get; set; }
    [Id(2)] public SessionStatus Status { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(5)] public DateTimeOffset? StartedAt { get; set; }
    [Id(6)] public DateTimeOffset? EndedAt { get; set; }
    [Id(7)] public int StepCount { get; set; }
    [Id(8)] public int PlanCursor { get; set; }
    [Id(9)] public string? ResultJson { get; set; }
    [Id(10)] public SessionError? Error { get; set; }
    [Id(11)] public TokenUsage Tokens { get; set; } = TokenUsage.None;
    [Id(12)] public string? CurrentUrl { get; set; }

    /// <summary>Cookies and local storage (Playwright's storage state), to restore the browser after a crash.</summary>
    [Id(13)] public string? StorageStateJson { get; set; }

    /// <summary>One line per step, for the navigator's prompt.</summary>
    [Id(14)] public List<string> History { get; set; } = [];

    [Id(15)] public Dictionary<string, string> Extracted { get; set; } = [];
    [Id(16)] public int ConsecutiveFailures { get; set; }
    [Id(17)] public long Sequence { get; set; }
    [Id(18)] public int RecoveryCount { get; set; }
    [Id(19)] public string? LastScreenshot { get; set; }

    /// <summary>The last recorded step, re-written to the store on activation in case the process died before it got there.</summary>
    [Id(20)] public StepRecord? LastStep { get; set; }

    [Id(21)] public string? LastError { get; set; }
    [Id(22)] public bool CancelRequested { get; set; }
    [Id(23)] public string? CancelReason { get; set; }

    /// <summary>Page-and-action fingerprints of the last steps, for stagnation detection.</summary>
    [Id(24)] public List<string> Fingerprints { get; set; } = [];

    /// <summary>The planner's sub-goals for a goal session; null until planned.</summary>
    [Id(25)] public List<string>? Subgoals { get; set; }

    [Id(26)] public int Replans { get; set; }
}
