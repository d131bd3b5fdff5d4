using System.Net;
using System.Text.Json.Nodes;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Agent;

/// <summary>A host where only 127.0.0.1 is an allowed internal host: "localhost" stands for any internal target.</summary>
public sealed class NetworkPolicyTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private ProbeServer _probe = null!;

    public async Task InitializeAsync()
    {
        _probe = await ProbeServer.StartAsync();
        _host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Network:AllowedHosts:0"] = "127.0.0.1",
            ["Network:AllowedHosts:1"] = "",
            ["Browser:ActionTimeoutMs"] = "3000",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _probe.DisposeAsync();
    }

    private string Local(string path) => $"http://127.0.0.1:{_probe.Port}{path}";

    private string Internal(string path) => $"http://localhost:{_probe.Port}{path}";

    [Fact]
    public async Task NavigateToInternalAddress_IsBlockedWithAPreciseError()
    {
        using var api = _host.Client();
        var created = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Navigate, Url: Internal("/target")) },
            startUrl = Local("/target"),
        });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Equal("url_blocked", done["error"]!["code"]!.GetValue<string>());
        Assert.Contains("internal address", done["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task RedirectToInternalAddress_NeverReachesIt()
    {
        using var api = _host.Client();
        var secretPath = "/target?secret=" + Guid.NewGuid().ToString("N");
        var created = await api.CreateAsync(new
        {
            plan = new[]
            {
                new StepAction(ActionKind.Navigate, Url: Local("/redirect?to=" + Uri.EscapeDataString(Internal(secretPath)))),
                new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "h1"), Field: "heading"),
            },
            startUrl = Local("/target"),
        });
        var id = created["id"]!.GetValue<string>();
        var done = await api.WaitForEndAsync(id);

        Assert.DoesNotContain(_probe.Hits, h => h.Contains(secretPath[8..], StringComparison.Ordinal));
        var heading = done["result"]?["heading"]?.GetValue<string>();
        Assert.NotEqual("Target reached", heading);
        var steps = await api.StepsAsync(id);
        var notes = steps.SelectMany(s => s!["notes"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []).ToList();
        Assert.Contains(notes, n => n.Contains("redirect from", StringComparison.Ordinal) && n.Contains("internal address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubresourceFromInternalAddress_IsBlockedAndNoted()
    {
        using var api = _host.Client();
        var created = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "h1"), Field: "heading") },
            startUrl = Local("/page?img=" + Uri.EscapeDataString(Internal("/pixel.png?probe=blocked"))),
        });
        var id = created["id"]!.GetValue<string>();
        var done = await api.WaitForEndAsync(id);
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        Assert.DoesNotContain(_probe.Hits, h => h.Contains("probe=blocked", StringComparison.Ordinal));
        var steps = await api.StepsAsync(id);
        Assert.Contains(steps, s => s!["notes"]?.AsArray().Any(n => n!.GetValue<string>().Contains("request to", StringComparison.Ordinal)) == true);
    }

    [Fact]
    public async Task MetadataAddressAsStartUrl_FailsBlocked()
    {
        using var api = _host.Client();
        var created = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "body"), Field: "x") },
            startUrl = "http://169.254.169.254/latest/meta-data/",
        });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("navigation_failed", done["error"]!["code"]!.GetValue<string>());
        Assert.Contains("blocked by the network policy", done["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartUrlOutsideAllowedDomains_IsRejected()
    {
        using var api = _host.Client();
        using var response = await api.PostJsonAsync("/api/v1/sessions", TestPlans.Json(new
        {
            plan = new[] { new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "body"), Field: "x") },
            startUrl = Local("/target"),
            allowedDomains = new[] { "example.org" },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("allowed domains", problem["errors"]!["startUrl"]![0]!.GetValue<string>());
    }
}
