using System.Net;
using System.Text;
using Microsoft.Playwright;
using RpaOrleans.Tests.Infrastructure;
using Xunit.Abstractions;
using static RpaOrleans.Tests.Cluster.ClusterSessions;

namespace RpaOrleans.Tests.Cluster;

/// <summary>Sessions beyond the cluster's slots wait in the durable queue; a silo joining drains it.</summary>
[Collection(ClusterGroup.Name)]
public sealed class AdmissionQueueTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SessionsBeyondCapacityWaitQueued_AndAThirdSiloJoiningStartsThem()
    {
        await using var cluster = await ProcessCluster.StartAsync(2);
        using var api = cluster.Client();
        try
        {
            // The first two hold both slots for the whole test (at least 200 s of steps, cancelled at the end),
            // however fast this machine steps.
            var running = await CreateAsync(api, 2, _ => TestPlans.Paced(cluster.WebHost.Url, 400, 1000));
            await Eventually.WaitForAsync(() => ReadAsync(api, running), s => s.Values.All(x => Status(x) == "running"),
                TimeSpan.FromSeconds(60), "the first two sessions running");
            var waiting = await CreateAsync(api, 3, _ => TestPlans.Slow(cluster.WebHost.Url, 3));

            // The queue holds them (no polling, no slot taken) and the admin view counts them.
            var status = await Eventually.WaitForAsync(cluster.StatusAsync, s => s["queueDepth"]!.GetValue<int>() == 3,
                TimeSpan.FromSeconds(20), "three queued sessions");
            Assert.Equal(3, status["queuedByTenant"]!["acme"]!.GetValue<int>());
            Assert.Equal(2, status["slotsInUse"]!.GetValue<int>());
            Assert.All((await ReadAsync(api, waiting)).Values, s => Assert.Equal("queued", Status(s)));

            // An admin watching the dashboard's cluster page sees the full silo, the queue, and then the new silo.
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await TestBrowser.LaunchAsync(playwright);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = cluster.WebHost.Url });
            context.SetDefaultTimeout(30_000);
            await context.AddInitScriptAsync($"window.sessionStorage.setItem('rpa.apiKey', '{TestKeys.Admin}');");
            var page = await context.NewPageAsync();
            await page.GotoAsync("/cluster/");
            var browserSilos = page.Locator("[data-testid=silo-row]:not([data-slots='0'])");
            await Assertions.Expect(browserSilos).ToHaveCountAsync(1);
            await Assertions.Expect(browserSilos.First).ToHaveAttributeAsync("data-status", "active");
            await Assertions.Expect(page.GetByTestId("cluster-slots")).ToHaveTextAsync("2/2");
            await Assertions.Expect(page.GetByTestId("cluster-queue")).ToHaveTextAsync("3");
            var acme = page.Locator("[data-testid=tenant-row][data-tenant=acme]");
            await Assertions.Expect(acme.GetByTestId("tenant-queued")).ToHaveTextAsync("3");
            await Assertions.Expect(acme.GetByTestId("tenant-running")).ToHaveTextAsync("2");

            await cluster.AddSiloAsync(3);
            await Assertions.Expect(browserSilos).ToHaveCountAsync(2, new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("cluster-slots")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d/5$"));
            var started = await Eventually.WaitForAsync(() => ReadAsync(api, waiting), s => s.Values.All(ApiClient.IsTerminal),
                TimeSpan.FromSeconds(90), "the queued sessions to run on the new silo");
            Assert.All(started.Values, s => Assert.Equal("succeeded", Status(s)));
            // They ran on the new capacity, not on slots freed by the first two.
            Assert.All((await ReadAsync(api, running)).Values, s => Assert.Equal("running", Status(s)));
            Assert.Equal(0, (await cluster.StatusAsync())["queueDepth"]!.GetValue<int>());

            // A secret stored through the web host is typed by a session on a browser silo (one vault for
            // the cluster, one master key): the page gets the value, and the record shows the placeholder.
            using (var put = await api.Http.PutAsync("/api/v1/secrets/cluster-note", new StringContent(
                TestPlans.Json(new { value = "Cluster-Vault-Value-314", allowedDomains = new[] { "127.0.0.1" } }), Encoding.UTF8, "application/json")))
                Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
            var typed = await api.CreateAsync(new
            {
                plan = new[]
                {
                    new StepAction(ActionKind.Type, new TargetDescriptor(Label: "Note"), Value: "{{secret:cluster-note}}"),
                    new StepAction(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Save note")),
                    new StepAction(ActionKind.Extract, new TargetDescriptor(Css: "#storage-dump"), Field: "dump"),
                },
                startUrl = $"{cluster.WebHost.Url}/demo/storage.html",
            });
            var typedDone = await api.WaitForEndAsync(typed["id"]!.GetValue<string>(), TimeSpan.FromSeconds(60));
            Assert.True(Status(typedDone) == "succeeded", typedDone.ToJsonString());
            Assert.Contains("localStorage[\"demo-note\"]: {{secret:cluster-note}}", typedDone["result"]!["dump"]!.GetValue<string>());

            // The holders were still running all along; cancelling them frees their slots.
            foreach (var id in running) await api.PostAsync($"/api/v1/sessions/{id}/cancel");
            var cancelled = await Eventually.WaitForAsync(() => ReadAsync(api, running), s => s.Values.All(ApiClient.IsTerminal),
                TimeSpan.FromSeconds(30), "the two holders to stop");
            Assert.All(cancelled.Values, s => Assert.Equal("cancelled", Status(s)));
            await Eventually.WaitForAsync(cluster.StatusAsync, s => s["slotsInUse"]!.GetValue<int>() == 0,
                TimeSpan.FromSeconds(30), "every slot free");
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }
}
