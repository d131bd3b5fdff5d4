namespace RpaOrleans.Sessions;

/// <summary>
/// Crash safety across silos: a durable reminder per started, unfinished session re-activates it
/// on a survivor if its silo dies (the membership-driven <c>OrphanWaker</c> usually gets there
/// first). A tick only reconciles with the checkpoint: missed ticks are not replayed.
/// </summary>
public sealed partial class SessionGrain : IRemindable
{
    private const string RecoveryReminder = "recovery";
    private static readonly TimeSpan RecoveryPeriod = TimeSpan.FromMinutes(1);

    private IGrainReminder? _reminder;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RecoveryReminder) return Task.CompletedTask;
        if (!state.RecordExists || S.Status.IsTerminal()) return StopRecoveryReminderAsync();
        if (S.Status is SessionStatus.Queued or SessionStatus.Starting or SessionStatus.Running) Schedule(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A timer tick with the session in the logging scope: scopes are async-local, so the one begun
    /// on activation does not reach timer callbacks, and every step log must carry the session id.
    /// </summary>
    private async Task ScopedTickAsync(CancellationToken cancellationToken)
    {
        using var scope = SessionLogScope.Begin(logger, Id, S.TenantId ?? "");
        await TickAsync(cancellationToken);
    }

    public Task HandOverAsync()
    {
        // After the step in flight the activation checkpoints (OnDeactivateAsync) and the session
        // is placed again on a silo that is not draining, where it restores its browser.
        if (state.RecordExists && !S.Status.IsTerminal()) this.MigrateOnIdle();
        return Task.CompletedTask;
    }

    private async Task EnsureRecoveryReminderAsync()
    {
        if (_reminder is not null) return;
        try
        {
            _reminder = await this.RegisterOrUpdateReminder(RecoveryReminder, RecoveryPeriod, RecoveryPeriod);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The membership watcher still wakes the session after a crash; the reminder is the backstop.
            LogReminderFailed(ex);
        }
    }

    private async Task StopRecoveryReminderAsync()
    {
        // Only a session that got a browser ever registered one.
        if (_reminder is null && S.StartedAt is null) return;
        try
        {
            var reminder = _reminder ?? await this.GetReminder(RecoveryReminder);
            if (reminder is not null) await this.UnregisterReminder(reminder);
            _reminder = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReminderFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the recovery reminder failed")]
    private partial void LogReminderFailed(Exception exception);
}
