namespace RpaOrleans.WebHost.Api;

/// <summary>
/// The fleet at a glance for the caller's tenant: sessions by status, the queue, this process's
/// browser slots, and sessions finished per minute over the last hour (oldest minute first).
/// </summary>
public sealed record FleetStatsResource(
    DateTimeOffset At,
    IReadOnlyDictionary<string, int> Counts,
    int Active,
    int Queued,
    int BrowserSlots,
    int BrowserSlotsInUse,
    IReadOnlyList<int> FinishedPerMinute,
    int FinishedLastHour);
