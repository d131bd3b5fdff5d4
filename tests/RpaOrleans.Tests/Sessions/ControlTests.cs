using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Sessions;

[Collection(PlatformGroup.Name)]
public sealed class ControlTests(PlatformFixture platform)
{
    private TestHost Host => platform.Host;

    [Fact]
    public async Task Cancel_WhileStepsRun_StopsAfterCurrentStep()
    {
        using var api = Host.Client();
        var created = await api.CreateAsync(TestPlans.Paced(Host.BaseUrl, 80, 300));
        var id = created["id"]!.GetValue<string>();
        await Eventually.WaitForAsync(() => api.GetAsync(id), s => s["stepCount"]!.GetValue<int>() >= 3, TimeSpan.FromSeconds(60), "three steps");

        var atCancel = (await api.PostAsync($"/api/v1/sessions/{id}/cancel"))["stepCount"]!.GetValue<int>();
        var done = await api.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.Equal("cancelled", done["error"]!["code"]!.GetValue<string>());
        var final = done["stepCount"]!.GetValue<int>();
        Assert.InRange(final, atCancel, atCancel + 1); // at most the step that was in flight
        Assert.Equal(final, (await api.StepsAsync(id)).Count);

        // Cancelling again is harmless and changes nothing.
        var again = await api.PostAsync($"/api/v1/sessions/{id}/cancel");
        Assert.Equal("cancelled", again["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PauseStepResume_RunsOneStepAtATime_ThenFinishes()
    {
        using var api = Host.Client();
        var created = await api.CreateAsync(TestPlans.Paced(Host.BaseUrl, 24, 300));
        var id = created["id"]!.GetValue<string>();
        await Eventually.WaitForAsync(() => api.GetAsync(id), s => s["stepCount"]!.GetValue<int>() >= 2, TimeSpan.FromSeconds(60), "two steps");

        await api.PostAsync($"/api/v1/sessions/{id}/pause");
        var paused = await api.WaitForStatusAsync(id, s => s == "paused");
        var count = paused["stepCount"]!.GetValue<int>();

        // While paused the count holds: sample it for a second.
        var until = DateTime.UtcNow.AddSeconds(1);
        while (DateTime.UtcNow < until)
        {
            Assert.Equal(count, (await api.GetAsync(id))["stepCount"]!.GetValue<int>());
            await Task.Delay(100);
        }

        var stepped = await api.PostAsync($"/api/v1/sessions/{id}/step");
        Assert.Equal(count + 1, stepped["stepCount"]!.GetValue<int>());
        Assert.Equal("paused", stepped["status"]!.GetValue<string>());

        await api.PostAsync($"/api/v1/sessions/{id}/resume");
        var done = await api.WaitForEndAsync(id);
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        var steps = await api.StepsAsync(id);
        Assert.Equal(12, steps.Count(s => s!["ok"]!.GetValue<bool>() && s["action"]?["action"]?.GetValue<string>() == "click"));
    }

    [Fact]
    public async Task StepOnce_OnARunningSession_IsAConflict()
    {
        using var api = Host.Client();
        var created = await api.CreateAsync(TestPlans.Paced(Host.BaseUrl, 30, 500));
        var id = created["id"]!.GetValue<string>();
        await api.WaitForStatusAsync(id, s => s == "running");
        using var response = await api.Http.PostAsync($"/api/v1/sessions/{id}/step", null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await api.PostAsync($"/api/v1/sessions/{id}/cancel");
        await api.WaitForEndAsync(id);
    }
}
