using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Sessions;

public sealed class RestartTests
{
    [Fact]
    public async Task KilledHost_Restarted_FinishesRunningSessionFromItsCheckpoint()
    {
        var data = Path.Combine(Path.GetTempPath(), "rpa-tests", "restart-" + Guid.NewGuid().ToString("N"));
        int http = FreePort.Next(), silo = FreePort.Next(), gateway = FreePort.Next();
        string id;
        int stepsBeforeKill;
        const int clicks = 25; // and as many 300 ms waits: the kill comes well before the end on any machine

        await using (var first = await ProcessHost.StartAsync(data, http, silo, gateway))
        {
            using var api = first.Client();
            var created = await api.CreateAsync(TestPlans.Paced(first.BaseUrl, clicks * 2, 300));
            id = created["id"]!.GetValue<string>();
            var running = await Eventually.WaitForAsync(() => api.GetAsync(id), s => s["stepCount"]!.GetValue<int>() >= 4,
                TimeSpan.FromSeconds(60), "four steps before the kill");
            stepsBeforeKill = running["stepCount"]!.GetValue<int>();
            await first.KillAsync();
        }

        await using var second = await ProcessHost.StartAsync(data, http, silo, gateway);
        using var api2 = second.Client();
        var done = await api2.WaitForEndAsync(id, TimeSpan.FromSeconds(120));
        Assert.True(done["status"]!.GetValue<string>() == "succeeded", $"{done.ToJsonString()}\n{second.Output}");
        Assert.True(done["recoveryCount"]!.GetValue<int>() >= 1, "the session should record that it was recovered");

        var steps = await api2.StepsAsync(id);
        // Every step index once, in order, none lost or doubled; all plan clicks done.
        Assert.Equal(Enumerable.Range(0, steps.Count).ToList(), steps.Select(s => s!["index"]!.GetValue<int>()).ToList());
        Assert.True(steps.Count >= stepsBeforeKill);
        Assert.Equal(clicks, steps.Count(s => s!["action"]?["action"]?.GetValue<string>() == "click" && s["ok"]!.GetValue<bool>()));
    }
}
