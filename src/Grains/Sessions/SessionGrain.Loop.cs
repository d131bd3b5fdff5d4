using System.Diagnostics;
using Microsoft.Playwright;
using RpaOrleans.Browser;
using RpaOrleans.Execution;
using RpaOrleans.Observation;
using RpaOrleans.Planning;
using RpaOrleans.Results;
using RpaOrleans.Serialization;
using RpaOrleans.Storage;

namespace RpaOrleans.Sessions;

public sealed partial class SessionGrain
{
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (_busy || !state.RecordExists) return;
        _busy = true;
        try
        {
            switch (S.Status)
            {
                case SessionStatus.Queued or SessionStatus.Starting:
                    if (S.CancelRequested) await FinishAsync(SessionStatus.Cancelled, new SessionError("cancelled", S.CancelReason ?? "Cancelled by request."));
                    else if (await TryStartAsync()) Schedule(TimeSpan.Zero);
                    else if (!S.Status.IsTerminal()) Schedule(QueueRetry);
                    break;
                case SessionStatus.Running:
                    await RunStepAsync();
                    if (S.Status == SessionStatus.Running) Schedule(_lease is null ? QueuePoll : TimeSpan.Zero);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoopFailed(ex);
            await FinishAsync(SessionStatus.Failed, new SessionError("internal_error", ex.Message, S.StepCount));
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Takes a browser slot and opens the start page; false while no slot is free.</summary>
    private async Task<bool> TryStartAsync()
    {
        var lease = await AcquireBrowserAsync(admit: true);
        if (lease is null) return false;
        _lease = lease;
        _lease.DialogPolicy = S.Spec!.Dialogs ?? DialogPolicy.Default;
        var paused = S.Status == SessionStatus.Paused;
        S.Status = SessionStatus.Starting;
        await PublishAsync(SessionEventKinds.Status);

        if (S.Spec!.StartUrl is { } startUrl)
        {
            var error = await OpenAsync(startUrl);
            if (error is not null)
            {
                await FinishAsync(SessionStatus.Failed, new SessionError("navigation_failed", $"Could not open the start URL {startUrl}: {error}", 0));
                return false;
            }
        }
        S.StartedAt ??= DateTimeOffset.UtcNow;
        S.CurrentUrl = _redactor.Redact(_lease.Page.Url);
        S.Status = paused || S.Status == SessionStatus.Paused ? SessionStatus.Paused : SessionStatus.Running;
        await SaveAsync();
        await PublishAsync(SessionEventKinds.Status);
        await AuditAsync("session.started", detail: S.Spec.StartUrl);
        LogStarted(S.Spec.StartUrl);
        return true;
    }

    /// <summary>
    /// Brings the browser back after this grain was reactivated (process restart, crash, failover):
    /// cookies and storage from the checkpoint, then the last URL. The step that was in flight is
    /// uncertain, so the next step starts by observing the page as it is now.
    /// </summary>
    private async Task<bool> RestoreBrowserAsync()
    {
        var clock = Stopwatch.StartNew();
        var lease = await AcquireBrowserAsync(admit: false);
        if (lease is null) return false;
        var leaseMs = clock.ElapsedMilliseconds;
        _lease = lease;
        _lease.DialogPolicy = S.Spec!.Dialogs ?? DialogPolicy.Default;
        var url = S.CurrentUrl ?? S.Spec!.StartUrl;
        if (url is not null && url != "about:blank")
        {
            var error = await OpenAsync(url);
            if (error is not null)
            {
                await FinishAsync(SessionStatus.Failed, new SessionError("recovery_failed", $"Could not reopen {url} after recovery: {error}", S.StepCount));
                return false;
            }
        }
        var openMs = clock.ElapsedMilliseconds - leaseMs;
        S.RecoveryCount++;
        S.History.Add($"(the session was recovered after an interruption; the step after #{S.StepCount} may or may not have happened — check the page)");
        await SaveAsync();
        await PublishAsync(SessionEventKinds.Recovered);
        await AuditAsync("session.recovered", detail: $"after {S.StepCount} steps");
        LogRecovered(S.StepCount, url, clock.ElapsedMilliseconds, leaseMs, openMs);
        return true;
    }

    private async Task<string?> OpenAsync(string url)
    {
        var (uri, error) = UrlPolicy.Check(url, S.Spec!.AllowedDomains);
        if (uri is null) return error;
        if (await guard.CheckAsync(uri.ToString(), isDocument: true, S.Spec.AllowedDomains) is { } blocked) return $"blocked by the network policy: {blocked}";
        try
        {
            var response = await _lease!.Page.GotoAsync(uri.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            return response is { Ok: false } ? $"the server answered {response.Status}" : null;
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return ex.Message.Split('\n', 2)[0];
        }
    }

    /// <summary>One observe → plan → act → record cycle, checkpointed at the end.</summary>
    private async Task RunStepAsync()
    {
        if (S.CancelRequested)
        {
            await FinishAsync(SessionStatus.Cancelled, new SessionError("cancelled", S.CancelReason ?? "Cancelled by request."));
            return;
        }
        if (BudgetExceeded() is { } budget)
        {
            await FinishAsync(budget.Status, budget.Error);
            return;
        }
        if (_lease is null or { IsDisposed: true } && !await RestoreBrowserAsync()) return;

        var spec = S.Spec!;
        var index = S.StepCount;
        var startedAt = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        using var stepSpan = StepTracing.StartStep(Id, S.TenantId ?? "", index);

        PageObservation observation;
        var phase = Stopwatch.StartNew();
        var followedTab = _lease!.FollowNewTab();
        var observeSpan = StepTracing.StartPhase("observe");
        try
        {
            if (followedTab) await PageLoad.DomContentLoadedAsync(_lease.Page, 10_000);
            observation = (await observer.ObserveAsync(_lease!.Page)).Redact(_redactor);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            StepTracing.Fail(observeSpan, ex.Message);
            observeSpan?.Dispose();
            await RecordFailureWithoutPageAsync(index, startedAt, "observe_failed", ex.Message.Split('\n', 2)[0]);
            StepTracing.Fail(stepSpan, "observe_failed");
            return;
        }
        observeSpan?.SetTag("rpa.elements", observation.Elements.Count);
        observeSpan?.Dispose();
        var observeMs = (int)phase.ElapsedMilliseconds;

        phase.Restart();
        var fromPlan = spec.HasPlan && S.PlanCursor < spec.Plan!.Count;
        PlannerDecision decision;
        var planSpan = StepTracing.StartPhase("plan");
        planSpan?.SetTag("rpa.planner", fromPlan ? "plan" : "llm");
        if (fromPlan)
        {
            decision = await planPlanner.NextAsync(Context(index, observation), CancellationToken.None);
        }
        else if (spec.HasGoal && !spec.HasPlan)
        {
            var planning = await PlanSubgoalsAsync(observation);
            decision = await llmPlanner.NextAsync(Context(index, observation), CancellationToken.None);
            decision = decision with { Tokens = decision.Tokens.Add(planning) };
        }
        else
        {
            // A plan that ran out without a finish step succeeded, with what it extracted.
            decision = PlannerDecision.Of(new StepAction(ActionKind.Finish, Success: true, Reasoning: "The plan is complete."));
        }
        planSpan?.SetTag("rpa.tokens", decision.Tokens.Total);
        planSpan?.Dispose();
        var planMs = (int)phase.ElapsedMilliseconds;

        phase.Restart();
        var action = decision.Action;
        var actSpan = StepTracing.StartPhase("act");
        ActionOutcome outcome;
        if (action is null)
        {
            outcome = ActionOutcome.Failure(decision.ErrorCode ?? "planner_failed", decision.Error ?? "the planner gave no action");
        }
        else if (action.Action == ActionKind.Finish && action.Success != false && !fromPlan && spec.HasGoal && !spec.HasPlan)
        {
            var review = await ReviewFinishAsync(action, observation);
            decision = decision with { Tokens = decision.Tokens.Add(review.Tokens) };
            action = review.Action ?? action;
            decision = decision with { Action = action };
            outcome = review.RejectCode is null
                ? new ActionOutcome(true, Output: action.Result, Note: review.Note)
                : ActionOutcome.Failure(review.RejectCode, review.Reject!) with { Note = review.Note };
        }
        else
        {
            var (executable, secretCode, secretError) = WithSecrets(action, _lease!.Page.Url);
            outcome = executable is null
                ? ActionOutcome.Failure(secretCode!, secretError!)
                : await executor.ExecuteAsync(_lease!, executable, observation, spec, CancellationToken.None);
            if (fromPlan && !outcome.Ok && outcome.ErrorCode is "target_not_found" or "unknown_element")
            {
                var (healedOutcome, healTokens) = await HealAsync(action, outcome, observation);
                decision = decision with { Tokens = decision.Tokens.Add(healTokens) };
                outcome = healedOutcome;
            }
        }
        if (!outcome.Ok) StepTracing.Fail(actSpan, outcome.ErrorCode ?? outcome.Error);
        actSpan?.Dispose();
        var actMs = (int)phase.ElapsedMilliseconds;

        (SessionStatus Status, SessionError? Error)? stagnated = null;
        if (!fromPlan && action is not null && action.Action != ActionKind.Finish && Stagnating(observation, action) is { } repeats && repeats >= 3)
        {
            outcome = ActionOutcome.Failure("stagnation",
                $"the same {action.Action.ToString().ToLowerInvariant()} was repeated {repeats} times on an unchanged page; try something different") with { Target = outcome.Target, Box = outcome.Box };
            if (repeats >= 4) stagnated = (SessionStatus.Failed, new SessionError("stagnation", "The agent kept repeating the same action on an unchanged page.", index));
        }

        if (action?.Action == ActionKind.Download && outcome.Ok)
        {
            // The file arrives through the page's download handler; give it a moment to finish.
            for (var wait = 0; wait < 50 && _lease!.Downloads.IsEmpty; wait++) await Task.Delay(100);
        }
        var notes = _lease!.DrainNotes();
        if (outcome.Note is not null) notes.Insert(0, outcome.Note);
        if (followedTab) notes.Insert(0, "switched to the tab the page opened");
        while (_lease.Downloads.TryDequeue(out var file))
        {
            var key = ArtifactKeys.Download(Id, file.Name);
            await artifacts.SaveAsync(key, file.Content, "application/octet-stream");
            notes.Add($"downloaded {file.Name} ({file.Content.Length} bytes), kept as {ArtifactKeys.SafeName(file.Name)}");
            await AuditAsync("download", detail: $"{file.Name} ({file.Content.Length} bytes) from {file.Url}");
            if (action?.Action == ActionKind.Download && !string.IsNullOrWhiteSpace(action.Field))
                S.Extracted[action.Field] = RpaJson.Serialize(new { name = file.Name, bytes = file.Content.Length, download = ArtifactKeys.SafeName(file.Name) });
        }
        foreach (var blocked in _lease.DrainBlocked())
        {
            notes.Add($"blocked {(blocked.IsDocument ? "navigation to" : "request to")} {blocked.Url}: {blocked.Reason}");
            await AuditAsync("network.blocked", detail: $"{blocked.Url} ({blocked.Reason})");
        }

        string? screenshotKey = null;
        if (observation.Screenshot is { Length: > 0 } jpeg)
        {
            screenshotKey = ArtifactKeys.StepScreenshot(Id, index);
            await artifacts.SaveAsync(screenshotKey, jpeg, "image/jpeg");
        }

        var step = new StepRecord(
            Id, index, action, outcome.Ok, outcome.Error, observation.Url, observation.Title, screenshotKey, startedAt,
            new StepTimings(observeMs, planMs, actMs, (int)total.ElapsedMilliseconds), decision.Tokens,
            outcome.Target, outcome.Box, observation.Elements.Count, outcome.Output,
            action is null ? decision.RawAnswer : null,
            notes.Count > 0 ? notes : null);
        step = Redact(step);

        S.StepCount = index + 1;
        S.Tokens = S.Tokens.Add(decision.Tokens);
        S.LastStep = step;
        S.LastScreenshot = screenshotKey ?? S.LastScreenshot;
        S.History.Add(Describe(step));
        foreach (var note in notes) S.History.Add($"   note: {note}");
        if (S.History.Count > 50) S.History.RemoveRange(0, S.History.Count - 50);

        (SessionStatus Status, SessionError? Error)? end = stagnated;
        if (outcome.Ok)
        {
            S.ConsecutiveFailures = 0;
            S.LastError = null;
            if (fromPlan) S.PlanCursor++;
            if (action!.Action == ActionKind.Extract && step.Output is not null)
                S.Extracted[string.IsNullOrWhiteSpace(action.Field) ? $"step{index}" : action.Field] = step.Output;
            if (action.Action == ActionKind.Finish) end = Finish(action, fromPlan, index);
        }
        else
        {
            S.ConsecutiveFailures++;
            S.LastError = step.Error;
            if (fromPlan)
                end = (SessionStatus.Failed, new SessionError(outcome.ErrorCode ?? "step_failed", $"Plan step {S.PlanCursor + 1} ({action?.Action}) failed: {step.Error}", index));
            else if (decision.ErrorCode is "llm_not_configured")
                end = (SessionStatus.Failed, new SessionError(decision.ErrorCode, decision.Error!, index));
            else if (S.ConsecutiveFailures >= MaxConsecutiveFailures)
                end = (SessionStatus.Failed, new SessionError("too_many_failures", $"{S.ConsecutiveFailures} steps in a row failed; the last: {step.Error}", index));
        }

        try
        {
            // Redacted like everything stored; a secret in a URL is not reopened after a crash.
            S.CurrentUrl = _redactor.Redact(_lease!.Page.Url);
        }
        catch (PlaywrightException)
        {
            // The page closed; the URL of the observation stands.
        }
        if (end is null) await CaptureBrowserStateAsync();
        await SaveAsync();
        await PublishAsync(SessionEventKinds.Step, step);
        await AuditAsync($"step.{action?.Action.ToString().ToLowerInvariant() ?? "none"}", detail: $"#{index} {(outcome.Ok ? "ok" : step.Error)}");
        LogStep(index, action?.Action, outcome.Ok, step.Error, (int)total.ElapsedMilliseconds);
        StepTracing.Complete(stepSpan, step);

        if (end is { } e) await FinishAsync(e.Status, e.Error);
        else if (S.CancelRequested) await FinishAsync(SessionStatus.Cancelled, new SessionError("cancelled", S.CancelReason ?? "Cancelled by request."));
    }

    /// <summary>
    /// A recorded target is gone: with an LLM, ask which element now serves the step and act on it;
    /// without one, fail saying which step, which target and what the page offered.
    /// </summary>
    private async Task<(ActionOutcome Outcome, TokenUsage Tokens)> HealAsync(StepAction action, ActionOutcome failed, PageObservation observation)
    {
        if (!healer.IsAvailable)
        {
            var offered = string.Join("; ", observation.Elements.Take(25).Select(ObservationRenderer.Line));
            return (failed with { Error = $"{failed.Error}. The page offered: {offered}" }, TokenUsage.None);
        }
        var decision = await healer.HealAsync(S.TenantId!, S.Spec!.Goal, action, failed.Error ?? "", observation, CancellationToken.None);
        if (decision.Action is not { ElementId: not null } healed || healed.Action == ActionKind.Finish)
        {
            var why = decision.Action?.Value ?? decision.Error ?? "the LLM found no replacement";
            return (failed with { Error = $"{failed.Error}; healing failed: {why}" }, decision.Tokens);
        }
        var retry = action with { ElementId = healed.ElementId, Target = null };
        var (executable, code, error) = WithSecrets(retry, _lease!.Page.Url);
        var outcome = executable is null
            ? ActionOutcome.Failure(code!, error!)
            : await executor.ExecuteAsync(_lease!, executable, observation, S.Spec, CancellationToken.None);
        if (!outcome.Ok) return (outcome with { Error = $"{failed.Error}; the healed target failed too: {outcome.Error}" }, decision.Tokens);
        var note = $"healed: {action.Target} → {outcome.Target}";
        LogHealed(S.PlanCursor + 1, note);
        return (outcome with { Note = note }, decision.Tokens);
    }

    /// <summary>How many times in a row this action has been taken on this same page, including now.</summary>
    private int? Stagnating(PageObservation observation, StepAction action)
    {
        var page = string.Join("|", observation.Elements.Take(40).Select(e => $"{e.Role}:{e.Name}:{e.Value}:{e.Checked}"));
        var fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{observation.Url}|{page}|{action.Action}|{action.ElementId}|{action.Target}|{action.Value}|{action.Url}")))[..16];
        S.Fingerprints.Add(fingerprint);
        if (S.Fingerprints.Count > 8) S.Fingerprints.RemoveAt(0);
        var repeats = 0;
        for (var i = S.Fingerprints.Count - 1; i >= 0 && S.Fingerprints[i] == fingerprint; i--) repeats++;
        return repeats;
    }

    private PlannerContext Context(int index, PageObservation observation) =>
        new(Id, S.TenantId!, S.Spec!, index, S.PlanCursor, observation, S.History, S.LastError, S.Extracted, SecretNames, S.Subgoals);

    /// <summary>Sub-goals before the first navigator step, and a fresh plan after two failures in a row.</summary>
    private async Task<TokenUsage> PlanSubgoalsAsync(PageObservation observation)
    {
        if (!llmOptions.Value.UsePlanner) return TokenUsage.None;
        var replan = S.Subgoals is not null && S.ConsecutiveFailures >= 2 && S.Replans < 3;
        if (S.Subgoals is not null && !replan) return TokenUsage.None;
        var (subgoals, tokens) = await roles.PlanAsync(S.TenantId!, S.Spec!.Goal!, S.History, replan ? S.LastError : null, observation);
        if (subgoals is not null)
        {
            S.Subgoals = [.. subgoals];
            if (replan)
            {
                S.Replans++;
                S.History.Add($"   (re-planned after repeated failures: {string.Join(" → ", subgoals)})");
            }
        }
        else
        {
            S.Subgoals ??= []; // planning failed: go on without sub-goals rather than asking every step
        }
        return tokens;
    }

    private sealed record FinishReview(StepAction? Action, string? RejectCode, string? Reject, TokenUsage Tokens, string? Note);

    /// <summary>
    /// Before a goal session may finish: the extractor fills a missing result from the page, and the
    /// judge confirms the goal. A rejected finish goes back to the navigator with the judge's reason.
    /// </summary>
    private async Task<FinishReview> ReviewFinishAsync(StepAction action, PageObservation observation)
    {
        var spec = S.Spec!;
        var tokens = TokenUsage.None;
        string? note = null;
        if (spec.ResultSchema is { } schema && action.Result is null && S.Extracted.Count == 0)
        {
            var (result, used, error) = await roles.ExtractAsync(S.TenantId!, spec.Goal!, schema, observation);
            tokens = tokens.Add(used);
            if (result is null) return new FinishReview(null, "result_missing", $"result_missing: no result was given and the extractor could not fill the schema: {error}", tokens, null);
            action = action with { Result = _redactor.Redact(result) };
            note = "result filled by the extractor";
        }
        if (llmOptions.Value.UseJudge)
        {
            var (achieved, reason, used) = await roles.JudgeAsync(S.TenantId!, spec.Goal!, S.History, action.Result ?? ExtractedResult(), observation);
            tokens = tokens.Add(used);
            if (achieved == false) return new FinishReview(action, "judge_rejected", $"judge_rejected: the goal is not achieved yet: {reason}", tokens, note);
            if (achieved is null) note = (note is null ? "" : note + "; ") + $"the judge was unavailable ({reason}); finish accepted";
        }
        return new FinishReview(action, null, null, tokens, note);
    }

    /// <summary>What a finish action means for the session, with the result held to the schema.</summary>
    private (SessionStatus, SessionError?)? Finish(StepAction action, bool fromPlan, int index)
    {
        if (action.Success == false)
            return (SessionStatus.Failed, new SessionError("goal_not_achieved", action.Value ?? action.Reasoning ?? "The agent gave up.", index));
        var result = _redactor.Redact(action.Result) ?? ExtractedResult();
        var errors = ResultValidator.Validate(S.Spec!.ResultSchema, result);
        if (errors.Count == 0)
        {
            S.ResultJson = result;
            return (SessionStatus.Succeeded, null);
        }
        var message = $"The result does not match the result schema: {string.Join("; ", errors)}";
        if (fromPlan || !S.Spec.HasGoal) return (SessionStatus.Failed, new SessionError("result_invalid", message, index));
        // The navigator gets the errors and another try, within the failure cap.
        S.ConsecutiveFailures++;
        S.LastError = message;
        return S.ConsecutiveFailures >= MaxConsecutiveFailures
            ? (SessionStatus.Failed, new SessionError("result_invalid", message, index))
            : null;
    }

    private string? ExtractedResult()
    {
        if (S.Extracted.Count == 0) return null;
        var parts = S.Extracted.Select(kv => $"{RpaJson.Serialize(kv.Key)}:{kv.Value}");
        return "{" + string.Join(",", parts) + "}";
    }

    private (SessionStatus Status, SessionError Error)? BudgetExceeded()
    {
        var budgets = S.Spec!.EffectiveBudgets;
        if (S.StartedAt is { } started && DateTimeOffset.UtcNow - started > TimeSpan.FromSeconds(budgets.MaxDurationSeconds))
            return (SessionStatus.TimedOut, new SessionError("budget_time", $"The session ran longer than {budgets.MaxDurationSeconds} s.", S.StepCount));
        if (S.StepCount >= budgets.MaxSteps)
            return (SessionStatus.Failed, new SessionError("budget_steps", $"The session used all {budgets.MaxSteps} steps without finishing.", S.StepCount));
        if (budgets.MaxTokens > 0 && S.Tokens.Total >= budgets.MaxTokens)
            return (SessionStatus.Failed, new SessionError("budget_tokens", $"The session used {S.Tokens.Total} of {budgets.MaxTokens} tokens.", S.StepCount));
        return null;
    }

    private async Task RecordFailureWithoutPageAsync(int index, DateTimeOffset startedAt, string code, string message)
    {
        var step = new StepRecord(Id, index, null, false, $"{code}: {message}", S.CurrentUrl, null, null, startedAt,
            new StepTimings(0, 0, 0, (int)(DateTimeOffset.UtcNow - startedAt).TotalMilliseconds), TokenUsage.None, null, null, 0);
        S.StepCount = index + 1;
        S.LastStep = step;
        S.ConsecutiveFailures++;
        S.LastError = step.Error;
        await SaveAsync();
        await PublishAsync(SessionEventKinds.Step, step);
        // A page that cannot even be observed will not get better by trying again and again.
        await ReleaseBrowserAsync();
        if (S.ConsecutiveFailures >= MaxConsecutiveFailures || S.Spec!.HasPlan)
            await FinishAsync(SessionStatus.Failed, new SessionError(code, message, index));
    }

    private async Task FinishAsync(SessionStatus status, SessionError? error)
    {
        if (S.Status.IsTerminal()) return;
        var wasBusy = _busy;
        _busy = true;
        try
        {
            S.Status = status;
            S.Error = error;
            S.EndedAt = DateTimeOffset.UtcNow;
            S.StorageStateJson = null; // a finished session keeps no cookies
            await ReleaseBrowserAsync();
            await SaveAsync();
            await PublishAsync(SessionEventKinds.Status);
            await PublishAsync(SessionEventKinds.Finished);
            await ReleaseAdmissionAsync();
            await AuditAsync($"session.{status.ToString().ToLowerInvariant()}", detail: error?.Message);
            if (S.Spec?.Webhook is { } webhook) webhooks.Enqueue(webhook, ToSnapshot());
            LogFinished(status, S.StepCount, error?.Code);
        }
        finally
        {
            _busy = wasBusy;
        }
    }

    private async Task CaptureBrowserStateAsync()
    {
        if (_lease is null or { IsDisposed: true }) return;
        try
        {
            S.StorageStateJson = ProtectBrowserState(await _lease.Context.StorageStateAsync());
        }
        catch (PlaywrightException)
        {
            // Keep the previous checkpoint's state.
        }
    }

    private async Task ReleaseBrowserAsync()
    {
        if (_lease is null) return;
        var lease = _lease;
        _lease = null;
        await lease.DisposeAsync();
    }

    private static string Describe(StepRecord step)
    {
        var a = step.Action;
        var what = a is null ? "no action" : a.Action.ToString().ToLowerInvariant();
        if (a?.ElementId is { } id) what += $" [{id}]";
        if (step.Target is { } t && (t.Name ?? t.Label ?? t.Text) is { } name) what += $" \"{name}\"";
        if (a?.Value is { } value && a.Action != ActionKind.Type) what += $" {value}";
        if (a?.Action == ActionKind.Type) what += " (text)";
        if (a?.Url is { } url) what += $" {url}";
        return $"#{step.Index + 1} {what} → {(step.Ok ? "ok" : step.Error)}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan step {Step} {Healing}")]
    private partial void LogHealed(int step, string healing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session started at {StartUrl}")]
    private partial void LogStarted(string? startUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session recovered after {Steps} steps at {Url} in {Ms} ms (browser context {LeaseMs} ms, reopening the page {OpenMs} ms, the rest checkpoint and events)")]
    private partial void LogRecovered(int steps, string? url, long ms, long leaseMs, long openMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Step {Index} {Action}: ok={Ok} {Error} in {Ms} ms")]
    private partial void LogStep(int index, ActionKind? action, bool ok, string? error, int ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session finished {Status} after {Steps} steps ({Code})")]
    private partial void LogFinished(SessionStatus status, int steps, string? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "The session loop failed")]
    private partial void LogLoopFailed(Exception exception);
}
