namespace RpaOrleans.Sessions;

public sealed partial class SessionGrain
{
    public async Task<SessionSnapshot> StartAsync(string tenantId, SessionSpec spec)
    {
        if (state.RecordExists)
        {
            // Starting twice is harmless; a different tenant cannot take over an id.
            if (S.TenantId != tenantId) throw new InvalidOperationException($"Session {Id} already exists.");
            return ToSnapshot();
        }

        var now = DateTimeOffset.UtcNow;
        S.TenantId = tenantId;
        S.Spec = spec;
        S.CreatedAt = now;
        S.Status = SessionStatus.Queued;
        var errors = SessionSpecValidator.Validate(spec, llm.IsConfigured);
        if (errors.Count > 0)
        {
            // The web host validates first; this protects grain callers that did not.
            S.Status = SessionStatus.Failed;
            S.EndedAt = now;
            S.Error = new SessionError("invalid_spec", string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }
        await SaveAsync();
        await PublishAsync(SessionEventKinds.Status);
        if (S.Status == SessionStatus.Queued)
        {
            await LoadSecretsAsync();
            LogQueued(spec.HasPlan ? spec.Plan!.Count : 0, spec.HasGoal);
            Schedule(TimeSpan.Zero);
        }
        return ToSnapshot();
    }

    public Task<SessionSnapshot?> GetSnapshotAsync() =>
        Task.FromResult(state.RecordExists ? ToSnapshot() : null);

    public async Task<SessionSnapshot?> CancelAsync(string? reason)
    {
        if (!state.RecordExists) return null;
        if (S.Status.IsTerminal()) return ToSnapshot();
        S.CancelRequested = true;
        S.CancelReason = reason;
        // A step in flight finishes first; the loop then sees the request.
        if (!_busy) await FinishAsync(SessionStatus.Cancelled, new SessionError("cancelled", reason ?? "Cancelled by request."));
        return ToSnapshot();
    }

    public async Task<SessionSnapshot?> PauseAsync()
    {
        if (!state.RecordExists) return null;
        if (S.Status is not (SessionStatus.Queued or SessionStatus.Starting or SessionStatus.Running)) return ToSnapshot();
        S.Status = SessionStatus.Paused;
        if (!_busy)
        {
            await SaveAsync();
            await PublishAsync(SessionEventKinds.Status);
        }
        return ToSnapshot();
    }

    public async Task<SessionSnapshot?> ResumeAsync()
    {
        if (!state.RecordExists) return null;
        if (S.Status != SessionStatus.Paused) return ToSnapshot();
        S.Status = S.StartedAt is null ? SessionStatus.Queued : SessionStatus.Running;
        if (!_busy)
        {
            await SaveAsync();
            await PublishAsync(SessionEventKinds.Status);
        }
        Schedule(TimeSpan.Zero);
        return ToSnapshot();
    }

    public async Task<SessionSnapshot?> StepOnceAsync()
    {
        if (!state.RecordExists) return null;
        if (S.Status != SessionStatus.Paused || _busy) return ToSnapshot();
        _busy = true;
        try
        {
            if (S.StartedAt is null)
            {
                if (!await TryStartAsync()) return ToSnapshot();
                if (!S.Status.IsTerminal()) S.Status = SessionStatus.Paused;
            }
            if (!S.Status.IsTerminal()) await RunStepAsync();
        }
        finally
        {
            _busy = false;
        }
        return ToSnapshot();
    }

    public Task WakeAsync()
    {
        // Activation already scheduled the loop; this call only makes sure the grain is active.
        if (state.RecordExists && S.Status is SessionStatus.Queued or SessionStatus.Starting or SessionStatus.Running)
            Schedule(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session queued ({PlanSteps} plan steps, goal: {HasGoal})")]
    private partial void LogQueued(int planSteps, bool hasGoal);
}
