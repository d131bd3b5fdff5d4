using Orleans.Streams;
using RpaOrleans.Browser;
using RpaOrleans.Execution;
using RpaOrleans.Notifications;
using RpaOrleans.Observation;
using RpaOrleans.Planning;
using RpaOrleans.Safety;
using RpaOrleans.Secrets;
using RpaOrleans.Storage;

namespace RpaOrleans.Sessions;

/// <summary>
/// One browser session. Owns the state machine, runs one step per grain-timer tick (ticks never
/// overlap), checkpoints after every step and publishes every change on the events stream.
/// Control calls (cancel, pause, resume, status) interleave with a running step.
/// </summary>
public sealed partial class SessionGrain(
    [PersistentState("session", StorageNames.Sessions)] IPersistentState<SessionState> state,
    BrowserPool browsers,
    PageObserver observer,
    ActionExecutor executor,
    PlanPlanner planPlanner,
    LlmPlanner llmPlanner,
    PlanHealer healer,
    AgentRoles roles,
    Microsoft.Extensions.Options.IOptions<LlmOptions> llmOptions,
    ChatClientFactory llm,
    ISessionStore store,
    IArtifactStore artifacts,
    WebhookSender webhooks,
    NetworkGuard guard,
    ISecretVault vault,
    DataProtector protector,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private static readonly TimeSpan QueuePoll = TimeSpan.FromMilliseconds(250);
    private const int MaxConsecutiveFailures = 3;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private BrowserLease? _lease;
    private IGrainTimer? _timer;
    private IAsyncStream<SessionEvent>? _events;
    private IDisposable? _logScope;

    /// <summary>True while a step, a start or a finish is running; control calls then only leave requests.</summary>
    private bool _busy;

    private SessionState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _logScope = SessionLogScope.Begin(logger, Id);
        _events = this.GetStreamProvider(SessionStreams.Provider)
            .GetStream<SessionEvent>(StreamId.Create(SessionStreams.Namespace, SessionStreams.FleetKey));
        if (!state.RecordExists || S.Status.IsTerminal()) return;
        await LoadSecretsAsync();

        // The process may have died between the checkpoint and the history write: repeat it (idempotent).
        if (S.LastStep is { } last) await store.UpsertStepAsync(last, cancellationToken);
        await store.UpsertSessionAsync(ToSnapshot(), cancellationToken);
        if (S.Status is SessionStatus.Queued or SessionStatus.Starting or SessionStatus.Running)
        {
            LogReactivated(S.Status, S.StepCount);
            Schedule(TimeSpan.Zero);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        if (_lease is not null)
        {
            if (!S.Status.IsTerminal())
            {
                await CaptureBrowserStateAsync();
                await SaveAsync();
            }
            await ReleaseBrowserAsync();
        }
        _logScope?.Dispose();
    }

    private void Schedule(TimeSpan due)
    {
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(ScopedTickAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan)
            {
                Interleave = false,
                KeepAlive = true,
            });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private SessionSnapshot ToSnapshot() => new(
        Id,
        S.TenantId ?? "",
        S.Spec!,
        S.Status,
        S.CreatedAt,
        S.UpdatedAt,
        S.StartedAt,
        S.EndedAt,
        S.StepCount,
        S.ResultJson,
        S.Error,
        S.Tokens,
        S.CurrentUrl,
        S.LastScreenshot,
        S.RecoveryCount);

    /// <summary>Writes the checkpoint; serialised because control calls interleave with steps.</summary>
    private async Task SaveAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            S.UpdatedAt = DateTimeOffset.UtcNow;
            await state.WriteStateAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Announces a change: the live event first (the checkpoint is already written, so nothing it
    /// announces can be undone), then the queryable history.
    /// </summary>
    private async Task PublishAsync(string kind, StepRecord? step = null)
    {
        var snapshot = ToSnapshot();
        try
        {
            var evt = new SessionEvent(kind, Id, S.TenantId ?? "", ++S.Sequence, DateTimeOffset.UtcNow, snapshot, step);
            await _events!.OnNextAsync(evt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Events are a live view; the store has the truth, so a lost event must not stop the session.
            LogPublishFailed(kind, ex);
        }
        try
        {
            if (step is not null) await store.UpsertStepAsync(step);
            await store.UpsertSessionAsync(snapshot);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The checkpoint holds the step; activation re-writes the last one.
            LogStoreFailed(ex);
        }
    }

    private async Task AuditAsync(string action, string? detail)
    {
        try
        {
            await store.AppendAuditAsync(new AuditEntry(DateTimeOffset.UtcNow, S.TenantId ?? "", "session", action, Id, detail));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session reactivated in {Status} after {Steps} steps")]
    private partial void LogReactivated(SessionStatus status, int steps);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a {Kind} event failed")]
    private partial void LogPublishFailed(string kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing session history failed")]
    private partial void LogStoreFailed(Exception exception);
}
