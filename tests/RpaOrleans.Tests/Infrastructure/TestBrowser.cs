using Microsoft.Playwright;
using RpaOrleans.Browser;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>A headless Chromium for tests that look at pages as a user would, started like the platform's own.</summary>
public static class TestBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumLocator.Find(null) ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumLocator.LaunchArgs,
        });
}
