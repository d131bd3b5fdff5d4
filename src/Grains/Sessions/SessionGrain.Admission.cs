using Microsoft.Extensions.DependencyInjection;
using RpaOrleans.Browser;
using RpaOrleans.Capacity;

namespace RpaOrleans.Sessions;

/// <summary>
/// Admission and slots: a queued session asks the cluster's admission queue before it takes a
/// browser, then waits (no polling) until the queue wakes it. An admitted session that finds no
/// free slot on its silo (the board it was placed by was stale) moves to one that has one.
/// </summary>
[SessionPlacement]
public sealed partial class SessionGrain
{
    /// <summary>Failed lease attempts (250 ms apart) before moving to another silo.</summary>
    private const int LeaseMissesBeforeMove = 4;

    private bool _admitted;
    private int _leaseMisses;

    private IAdmissionGrain Admission => GrainFactory.GetGrain<IAdmissionGrain>(AdmissionKeys.Cluster);

    /// <summary>
    /// When to look again for a slot: soon once admitted (or to honour a cancel that arrived while
    /// the queue was asked), otherwise when the queue wakes us.
    /// </summary>
    private TimeSpan QueueRetry => _admitted || S.CancelRequested ? QueuePoll : Timeout.InfiniteTimeSpan;

    /// <summary>A browser lease, or null while the session is not admitted or no slot is free here.</summary>
    private async Task<BrowserLease?> AcquireBrowserAsync(bool admit)
    {
        if (admit && !_admitted)
        {
            // Control calls (pause, cancel) act at once while the queue is asked, as they would
            // while the session simply waits; the answer is then only used if it still waits.
            var wasBusy = _busy;
            _busy = false;
            try
            {
                _admitted = await Admission.RequestAsync(Id, S.TenantId ?? "", S.Spec!.Priority);
            }
            finally
            {
                _busy = wasBusy;
            }
            if (!_admitted || S.Status is not (SessionStatus.Queued or SessionStatus.Starting))
            {
                if (!_admitted) LogWaitingForAdmission();
                return null;
            }
        }
        _admitted = true;
        var lease = await browsers.TryLeaseAsync(Id, UnprotectBrowserState(), S.Spec!.AllowedDomains);
        if (lease is not null)
        {
            _leaseMisses = 0;
            await EnsureRecoveryReminderAsync();
            return lease;
        }
        if (++_leaseMisses >= LeaseMissesBeforeMove && ServiceProvider.GetRequiredService<SlotBoardCache>().FreeSlotElsewhere())
        {
            LogMoving(_leaseMisses);
            _leaseMisses = 0;
            this.MigrateOnIdle();
        }
        return null;
    }

    /// <summary>Gives the session's place back to the queue and stops its recovery reminder.</summary>
    private async Task ReleaseAdmissionAsync()
    {
        _admitted = false;
        try
        {
            await Admission.ReleaseAsync(Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReleaseFailed(ex);
        }
        await StopRecoveryReminderAsync();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Waiting for admission")]
    private partial void LogWaitingForAdmission();

    [LoggerMessage(Level = LogLevel.Information, Message = "No browser slot here after {Attempts} tries: moving to a silo with one")]
    private partial void LogMoving(int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the admission slot failed")]
    private partial void LogReleaseFailed(Exception exception);
}
