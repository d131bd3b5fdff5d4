using System.Collections.Concurrent;
using Orleans.Streams;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Grains;

[Collection(GrainClusterGroup.Name)]
public sealed class SessionGrainTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private static SessionSpec PlanSpec() => new(
        Goal: null,
        Plan: [new StepAction(ActionKind.Click, new TargetDescriptor(Css: "button"))],
        StartUrl: "http://127.0.0.1:9/",
        ResultSchema: null,
        AllowedDomains: null,
        Budgets: null);

    private static string NewId() => "grain-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task InvalidSpec_FailsImmediately_WithTypedError()
    {
        var grain = Grains.GetGrain<ISessionGrain>(NewId());
        var snapshot = await grain.StartAsync("acme", PlanSpec() with { Plan = null, Goal = "needs an LLM" });
        Assert.Equal(SessionStatus.Failed, snapshot.Status);
        Assert.Equal("invalid_spec", snapshot.Error!.Code);
        Assert.Contains("LLM", snapshot.Error.Message);
    }

    [Fact]
    public async Task WithoutFreeSlot_SessionWaitsQueued_AndCancelEndsIt()
    {
        var grain = Grains.GetGrain<ISessionGrain>(NewId());
        Assert.Equal(SessionStatus.Queued, (await grain.StartAsync("acme", PlanSpec())).Status);
        var until = DateTime.UtcNow.AddSeconds(1);
        while (DateTime.UtcNow < until)
        {
            Assert.Equal(SessionStatus.Queued, (await grain.GetSnapshotAsync())!.Status);
            await Task.Delay(100);
        }
        var cancelled = await grain.CancelAsync("no longer needed");
        Assert.Equal(SessionStatus.Cancelled, cancelled!.Status);
        Assert.Equal("no longer needed", cancelled.Error!.Message);
        Assert.NotNull(cancelled.EndedAt);
        // Terminal states do not move.
        Assert.Equal(SessionStatus.Cancelled, (await grain.ResumeAsync())!.Status);
        Assert.Equal(SessionStatus.Cancelled, (await grain.PauseAsync())!.Status);
    }

    [Fact]
    public async Task PauseWhileQueued_ThenResume_ReturnsToQueued()
    {
        var grain = Grains.GetGrain<ISessionGrain>(NewId());
        await grain.StartAsync("acme", PlanSpec());
        Assert.Equal(SessionStatus.Paused, (await grain.PauseAsync())!.Status);
        Assert.Equal(SessionStatus.Queued, (await grain.ResumeAsync())!.Status);
        await grain.CancelAsync(null);
    }

    [Fact]
    public async Task Start_IsIdempotent_AndAnotherTenantCannotTakeTheId()
    {
        var id = NewId();
        var grain = Grains.GetGrain<ISessionGrain>(id);
        var first = await grain.StartAsync("acme", PlanSpec());
        var second = await grain.StartAsync("acme", PlanSpec() with { StartUrl = "http://127.0.0.1:10/" });
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal("http://127.0.0.1:9/", second.Spec.StartUrl);
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.StartAsync("globex", PlanSpec()));
        await grain.CancelAsync(null);
    }

    [Fact]
    public async Task UnknownSession_HasNoSnapshot_AndControlCallsReturnNull()
    {
        var grain = Grains.GetGrain<ISessionGrain>(NewId());
        Assert.Null(await grain.GetSnapshotAsync());
        Assert.Null(await grain.CancelAsync(null));
        Assert.Null(await grain.PauseAsync());
    }

    [Fact]
    public async Task StatusChanges_ArePublished_InOrder()
    {
        var id = NewId();
        var received = new ConcurrentQueue<SessionEvent>();
        var stream = fixture.Cluster.Client.GetStreamProvider(SessionStreams.Provider)
            .GetStream<SessionEvent>(StreamId.Create(SessionStreams.Namespace, SessionStreams.FleetKey));
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            if (e.SessionId == id) received.Enqueue(e);
            return Task.CompletedTask;
        });
        try
        {
            var grain = Grains.GetGrain<ISessionGrain>(id);
            await grain.StartAsync("acme", PlanSpec());
            await grain.PauseAsync();
            await grain.ResumeAsync();
            await grain.CancelAsync("done");
            var events = await Eventually.WaitForAsync(() => Task.FromResult(received.ToList()),
                e => e.Any(x => x.Kind == SessionEventKinds.Finished), TimeSpan.FromSeconds(10), "the finished event");
            var statuses = events.Where(e => e.Kind == SessionEventKinds.Status).Select(e => e.Snapshot.Status).ToList();
            Assert.Equal([SessionStatus.Queued, SessionStatus.Paused, SessionStatus.Queued, SessionStatus.Cancelled], statuses);
            Assert.Equal(events.Select(e => e.Sequence).Order().ToList(), events.Select(e => e.Sequence).ToList());
            Assert.All(events, e => Assert.Equal("acme", e.TenantId));
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }
}
