using RpaOrleans.Storage;

namespace RpaOrleans.Tests.Storage;

/// <summary>
/// What every <see cref="ISessionStore"/> must do, run against each implementation (SQLite for
/// embedded mode, MongoDB for cluster mode).
/// </summary>
public abstract class SessionStoreContract
{
    protected abstract Task<ISessionStore> CreateStoreAsync();

    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    protected static SessionSnapshot Snapshot(string id, string tenant, SessionStatus status, DateTimeOffset created, DateTimeOffset updated, string? goal = "find headphones", int steps = 0) =>
        new(id, tenant, new SessionSpec(goal, null, "https://example.com", null, null, null), status, created, updated,
            null, status.IsTerminal() ? updated : null, steps, null, null, TokenUsage.None, "https://example.com");

    protected static StepRecord Step(string sessionId, int index, bool ok = true, string? error = null) =>
        new(sessionId, index, new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Buy")), ok, error,
            "https://example.com", "Example", $"sessions/{sessionId}/steps/{index:D4}.jpg", T0.AddSeconds(index),
            new StepTimings(10, 20, 30, 60), TokenUsage.None, null, null, 5);

    private static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task UpsertedSession_IsReadBack()
    {
        var store = await CreateStoreAsync();
        var id = NewId();
        await store.UpsertSessionAsync(Snapshot(id, "t1", SessionStatus.Running, T0, T0.AddSeconds(1), steps: 3));
        var read = await store.GetSessionAsync(id);
        Assert.NotNull(read);
        Assert.Equal(SessionStatus.Running, read.Status);
        Assert.Equal(3, read.StepCount);
        Assert.Equal("t1", read.TenantId);
        Assert.Null(await store.GetSessionAsync(NewId()));
    }

    [Fact]
    public async Task EachNewerSnapshot_ReplacesTheStoredOne()
    {
        var store = await CreateStoreAsync();
        var id = NewId();
        var now = DateTimeOffset.UtcNow;
        await store.UpsertSessionAsync(Snapshot(id, "t1", SessionStatus.Queued, now, now));
        await store.UpsertSessionAsync(Snapshot(id, "t1", SessionStatus.Starting, now, now));
        Assert.Equal(SessionStatus.Starting, (await store.GetSessionAsync(id))!.Status);
        for (var step = 1; step <= 3; step++)
        {
            await store.UpsertSessionAsync(Snapshot(id, "t1", SessionStatus.Running, now, now.AddTicks(step * 7919), steps: step));
            Assert.Equal(step, (await store.GetSessionAsync(id))!.StepCount);
        }
    }

    [Fact]
    public async Task OlderSnapshot_DoesNotOverwriteNewer()
    {
        var store = await CreateStoreAsync();
        var id = NewId();
        await store.UpsertSessionAsync(Snapshot(id, "t1", SessionStatus.Succeeded, T0, T0.AddSeconds(10), steps: 5));
        await store.UpsertSessionAsync(Snapshot(id, "t1", SessionStatus.Running, T0, T0.AddSeconds(5), steps: 2));
        var read = await store.GetSessionAsync(id);
        Assert.Equal(SessionStatus.Succeeded, read!.Status);
        Assert.Equal(5, read.StepCount);
    }

    [Fact]
    public async Task ListSessions_FiltersByTenantStatusTextAndDate_NewestFirstInPages()
    {
        var store = await CreateStoreAsync();
        var tenant = "list-" + NewId();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = NewId();
            ids.Add(id);
            var status = i % 2 == 0 ? SessionStatus.Succeeded : SessionStatus.Failed;
            await store.UpsertSessionAsync(Snapshot(id, tenant, status, T0.AddMinutes(i), T0.AddMinutes(i), goal: i == 3 ? "Download 100% of INVOICES_2026" : "other"));
        }
        await store.UpsertSessionAsync(Snapshot(NewId(), "someone-else", SessionStatus.Succeeded, T0, T0));

        var page1 = await store.ListSessionsAsync(new SessionQuery(tenant, PageSize: 2));
        Assert.Equal(5, page1.Total);
        Assert.Equal([ids[4], ids[3]], page1.Items.Select(s => s.Id));
        var page3 = await store.ListSessionsAsync(new SessionQuery(tenant, Page: 3, PageSize: 2));
        Assert.Equal([ids[0]], page3.Items.Select(s => s.Id));

        var failed = await store.ListSessionsAsync(new SessionQuery(tenant, Status: SessionStatus.Failed));
        Assert.Equal([ids[3], ids[1]], failed.Items.Select(s => s.Id));

        var text = await store.ListSessionsAsync(new SessionQuery(tenant, Text: "100% of invoices_"));
        Assert.Equal([ids[3]], text.Items.Select(s => s.Id));

        var window = await store.ListSessionsAsync(new SessionQuery(tenant, CreatedAfter: T0.AddMinutes(1), CreatedBefore: T0.AddMinutes(3)));
        Assert.Equal([ids[2], ids[1]], window.Items.Select(s => s.Id));
    }

    [Fact]
    public async Task ListUnfinished_HasOnlyNonTerminalSessions_OldestFirst()
    {
        var store = await CreateStoreAsync();
        var running = NewId();
        var queued = NewId();
        var done = NewId();
        await store.UpsertSessionAsync(Snapshot(running, "t1", SessionStatus.Running, T0.AddHours(2), T0.AddHours(2)));
        await store.UpsertSessionAsync(Snapshot(queued, "t1", SessionStatus.Queued, T0.AddHours(1), T0.AddHours(1)));
        await store.UpsertSessionAsync(Snapshot(done, "t1", SessionStatus.Running, T0, T0));
        await store.UpsertSessionAsync(Snapshot(done, "t1", SessionStatus.Cancelled, T0, T0.AddMinutes(1)));

        var unfinished = (await store.ListUnfinishedAsync()).ToList();
        Assert.DoesNotContain(done, unfinished);
        Assert.True(unfinished.IndexOf(queued) >= 0 && unfinished.IndexOf(queued) < unfinished.IndexOf(running), "oldest first");
    }

    [Fact]
    public async Task CountsByStatus_AndEndTimes_ArePerTenant()
    {
        var store = await CreateStoreAsync();
        var tenant = "stats-" + NewId();
        var now = DateTimeOffset.UtcNow;
        await store.UpsertSessionAsync(Snapshot(NewId(), tenant, SessionStatus.Running, now, now));
        await store.UpsertSessionAsync(Snapshot(NewId(), tenant, SessionStatus.Succeeded, now, now.AddMinutes(-30)));
        await store.UpsertSessionAsync(Snapshot(NewId(), tenant, SessionStatus.Succeeded, now, now.AddMinutes(-5)));
        await store.UpsertSessionAsync(Snapshot(NewId(), tenant, SessionStatus.Failed, now, now.AddMinutes(-1)));
        await store.UpsertSessionAsync(Snapshot(NewId(), "other-" + tenant, SessionStatus.Failed, now, now));

        var counts = await store.CountByStatusAsync(tenant);
        Assert.Equal(3, counts.Count);
        Assert.Equal(1, counts[SessionStatus.Running]);
        Assert.Equal(2, counts[SessionStatus.Succeeded]);
        Assert.Equal(1, counts[SessionStatus.Failed]);

        var ends = await store.ListEndTimesAsync(tenant, now.AddMinutes(-10));
        Assert.Equal([now.AddMinutes(-5), now.AddMinutes(-1)], ends);
    }

    [Fact]
    public async Task SameStepWrittenTwice_IsRecordedOnce_WithTheLastWrite()
    {
        var store = await CreateStoreAsync();
        var id = NewId();
        await store.UpsertStepAsync(Step(id, 1));
        await store.UpsertStepAsync(Step(id, 0));
        await store.UpsertStepAsync(Step(id, 1, ok: false, error: "rewritten"));

        var steps = await store.GetStepsAsync(id);
        Assert.Equal([0, 1], steps.Select(s => s.Index));
        Assert.Equal("rewritten", steps[1].Error);
        var one = await store.GetStepAsync(id, 0);
        Assert.Equal(ActionKind.Click, one!.Action!.Action);
        Assert.Equal("Buy", one.Action.Target!.Name);
        Assert.Null(await store.GetStepAsync(id, 7));
    }

    [Fact]
    public async Task Audit_IsNewestFirst_PerTenantAndSession_WithALimit()
    {
        var store = await CreateStoreAsync();
        var tenant = "audit-" + NewId();
        var session = NewId();
        await store.AppendAuditAsync(new AuditEntry(T0, tenant, "alice", "session.create", session, "goal: x"));
        await store.AppendAuditAsync(new AuditEntry(T0.AddSeconds(1), tenant, "session", "step.click", session, null));
        await store.AppendAuditAsync(new AuditEntry(T0.AddSeconds(2), tenant, "bob", "key.rotate", null, null));
        await store.AppendAuditAsync(new AuditEntry(T0.AddSeconds(3), "other-" + tenant, "eve", "session.create", session, null));

        var all = await store.GetAuditAsync(tenant, null, 10);
        Assert.Equal(["key.rotate", "step.click", "session.create"], all.Select(a => a.Action));
        var forSession = await store.GetAuditAsync(tenant, session, 10);
        Assert.Equal(["step.click", "session.create"], forSession.Select(a => a.Action));
        Assert.Equal("goal: x", forSession[1].Detail);
        Assert.Equal(T0, forSession[1].At);
        Assert.Single(await store.GetAuditAsync(tenant, null, 1));
    }
}
