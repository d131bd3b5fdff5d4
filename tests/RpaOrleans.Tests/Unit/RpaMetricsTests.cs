using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RpaOrleans.Browser;
using RpaOrleans.Hosting;
using RpaOrleans.Safety;

namespace RpaOrleans.Tests.Unit;

public sealed class RpaMetricsTests
{
    [Fact]
    public void AnEventDeliveredTwice_IsCountedOnce_AndTheNextEventsStillCount()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var pool = new BrowserPool(Options.Create(new BrowserOptions { Capacity = 0 }), new NetworkGuard(Options.Create(new NetworkOptions())), NullLogger<BrowserPool>.Instance);
        using var metrics = new RpaMetrics(pool, factory);
        long finished = 0, recovered = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name is "rpa_sessions_finished" or "rpa_sessions_recovered") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "rpa_sessions_finished") finished += value;
            else recovered += value;
        });
        listener.Start();

        var at = DateTimeOffset.UtcNow;
        var done = Event("a", SessionEventKinds.Finished, 7, at, SessionStatus.Succeeded);
        metrics.Observe(done);
        metrics.Observe(done with { });
        metrics.Observe(Event("a", SessionEventKinds.Recovered, 5, at.AddSeconds(-1), SessionStatus.Running));
        // Same sequence number after a recovery (the checkpoint came from before), but a new event.
        metrics.Observe(Event("a", SessionEventKinds.Recovered, 5, at.AddSeconds(-0.5), SessionStatus.Running));
        metrics.Observe(Event("b", SessionEventKinds.Finished, 7, at, SessionStatus.Failed));

        Assert.Equal((2, 2), (finished, recovered));
    }

    private static SessionEvent Event(string id, string kind, long sequence, DateTimeOffset at, SessionStatus status) =>
        new(kind, id, "acme", sequence, at, new SessionSnapshot(id, "acme", new SessionSpec("g", null, "https://example.com", null, null, null), status, at, at,
            null, status.IsTerminal() ? at : null, 3, null, null, TokenUsage.None, "https://example.com"));
}
