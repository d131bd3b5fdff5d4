using Microsoft.Playwright;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Dashboard;

/// <summary>
/// Every screen, dark and light at laptop width and dark at phone width: it must render its real
/// content with no console error and no sideways scrolling. With <c>RPA_SCREENSHOTS_DIR</c> set
/// (what <c>./rpa screenshots</c> does) the pictures land there, for docs/screenshots.
/// </summary>
[Collection(DashboardGroup.Name)]
public sealed class DashboardScreenshotTests(DashboardFixture dashboard)
{
    private sealed record Screen(string Name, string Path, Func<IPage, Task> Ready, string? ApiKey = TestKeys.Admin);

    private sealed record Look(string Suffix, int Width, int Height, bool Dark);

    private static readonly Look[] AllLooks = [new("", 1440, 900, true), new("-light", 1440, 900, false), new("-phone", 390, 844, true)];

    // A plain test run checks both themes and the phone width in two passes; ./rpa screenshots takes all three.
    private static readonly Look[] TestLooks = [new("", 1440, 900, true), new("-phone-light", 390, 844, false)];

    [Fact]
    public async Task EveryScreen_RendersInBothThemesAndAtPhoneWidth_WithoutConsoleErrors()
    {
        var requested = Environment.GetEnvironmentVariable("RPA_SCREENSHOTS_DIR");
        var directory = string.IsNullOrEmpty(requested) ? Path.Combine(dashboard.Host.DataDirectory, "screenshots") : requested;
        var looks = string.IsNullOrEmpty(requested) ? TestLooks : AllLooks;
        Directory.CreateDirectory(directory);

        using var api = dashboard.Host.Client();
        var (checkout, _) = await DashboardSessions.FinishedCheckoutAsync(api);
        var failing = await DashboardSessions.StartAsync(api, new
        {
            goal = "Open a product that does not exist",
            plan = new[] { new StepAction(ActionKind.Click, new TargetDescriptor(Role: "link", Name: "No Such Product")) },
            startUrl = $"{api.BaseUrl}/demo/index.html",
        });
        var slow = new List<string>();
        for (var i = 0; i < 4; i++) slow.Add(await DashboardSessions.SlowAsync(api, SlowGoals[i]));
        await api.WaitForEndAsync(failing);
        try
        {
            Screen[] screens =
            [
                new("sign-in", "/sign-in/", p => p.GetByLabel("API key").WaitForAsync(), ApiKey: null),
                new("fleet", "/", async p =>
                {
                    await Assertions.Expect(p.Locator("[data-testid=fleet-tile][data-status=running] img")).ToHaveCountAsync(4, new() { Timeout = 30_000 });
                    await Assertions.Expect(p.Locator("[data-count=running]")).ToHaveTextAsync("4", new() { Timeout = 10_000 });
                }),
                new("new-session", "/new/", async p =>
                {
                    await p.GetByRole(AriaRole.Button, new() { Name = "Load demo checkout" }).ClickAsync();
                    await p.GetByText("Valid plan of 19 steps").WaitForAsync();
                }),
                new("live", $"/session/?id={slow[0]}", async p =>
                {
                    await p.GetByTestId("step-row").Nth(3).WaitForAsync(new() { Timeout = 30_000 });
                    await Assertions.Expect(p.Locator("main img").First).ToHaveJSPropertyAsync("complete", true);
                }),
                new("live-result", $"/session/?id={checkout}", p => p.GetByTestId("session-result").WaitForAsync()),
                new("replay", $"/replay/?id={checkout}&step=2", async p =>
                {
                    await p.GetByTestId("target-box").WaitForAsync();
                    await Assertions.Expect(p.GetByTestId("replay-screenshot").Locator("img")).ToHaveJSPropertyAsync("complete", true);
                }),
                new("history", "/history/", p => p.GetByTestId("history-row").Nth(5).WaitForAsync()),
                new("cluster", "/cluster/", p => Assertions.Expect(p.GetByTestId("silo-slots")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-6]/6$"))),
            ];
            foreach (var look in looks)
            {
                foreach (var screen in screens)
                {
                    await using var browser = await dashboard.OpenAsync(screen.ApiKey, look.Width, look.Height, look.Dark);
                    await browser.Page.GotoAsync(screen.Path);
                    await screen.Ready(browser.Page);
                    var overflow = await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                    Assert.True(overflow <= 0, $"{screen.Name}{look.Suffix} scrolls sideways by {overflow} px");
                    await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{screen.Name}{look.Suffix}.png") });
                    browser.AssertNoConsoleErrors();
                }
            }
        }
        finally
        {
            await DashboardSessions.CancelAllAsync(api, slow);
        }
    }

    private static readonly string[] SlowGoals =
    [
        "Keep the slow page busy and count the ticks",
        "Watch the counter on the slow page",
        "Click through the slow page until told to stop",
        "Hold a browser slot on the slow page",
    ];
}
