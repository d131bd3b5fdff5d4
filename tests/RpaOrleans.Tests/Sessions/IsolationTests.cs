using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Sessions;

[Collection(PlatformGroup.Name)]
public sealed class IsolationTests(PlatformFixture platform)
{
    private static object SaveNote(string baseUrl, string note) => new
    {
        plan = new[]
        {
            new StepAction(ActionKind.Type, new TargetDescriptor(Label: "Note"), Value: note),
            new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Save note")),
            new StepAction(ActionKind.Navigate, Url: $"{baseUrl}/demo/storage.html"),
            new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "#storage-dump"), Field: "dump"),
        },
        startUrl = $"{baseUrl}/demo/storage.html",
    };

    [Fact]
    public async Task ConcurrentSessions_DoNotShareCookiesOrStorage()
    {
        var host = platform.Host;
        using var api = host.Client();
        var alpha = await api.CreateAsync(SaveNote(host.BaseUrl, "alpha-note"));
        var beta = await api.CreateAsync(SaveNote(host.BaseUrl, "beta-note"));

        var doneAlpha = await api.WaitForEndAsync(alpha["id"]!.GetValue<string>());
        var doneBeta = await api.WaitForEndAsync(beta["id"]!.GetValue<string>());
        Assert.Equal("succeeded", doneAlpha["status"]!.GetValue<string>());
        Assert.Equal("succeeded", doneBeta["status"]!.GetValue<string>());

        var dumpAlpha = doneAlpha["result"]!["dump"]!.GetValue<string>();
        var dumpBeta = doneBeta["result"]!["dump"]!.GetValue<string>();
        Assert.Contains("alpha-note", dumpAlpha);
        Assert.Contains("demo_note=alpha-note", dumpAlpha);
        Assert.DoesNotContain("beta-note", dumpAlpha);
        Assert.Contains("beta-note", dumpBeta);
        Assert.DoesNotContain("alpha-note", dumpBeta);

        // A third session starts clean: nothing survives from the others.
        var fresh = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "#storage-dump"), Field: "dump") },
            startUrl = $"{host.BaseUrl}/demo/storage.html",
        });
        var doneFresh = await api.WaitForEndAsync(fresh["id"]!.GetValue<string>());
        var dumpFresh = doneFresh["result"]!["dump"]!.GetValue<string>();
        Assert.DoesNotContain("alpha-note", dumpFresh);
        Assert.DoesNotContain("beta-note", dumpFresh);
        Assert.Contains("(not set)", dumpFresh);
    }
}
