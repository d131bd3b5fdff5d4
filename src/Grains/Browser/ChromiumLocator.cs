namespace RpaOrleans.Browser;

/// <summary>Finds a system Chromium so Playwright never needs its own browser download.</summary>
public static class ChromiumLocator
{
    /// <summary>
    /// The flags every Chromium of ours starts with (the platform's pool, the benchmark's raw floor,
    /// the tests' dashboard browser): no sandbox in containers, no /dev/shm, no background traffic.
    /// </summary>
    public static IReadOnlyList<string> LaunchArgs { get; } =
    [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
    ];

    private static readonly string[] Candidates =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium",
    ];

    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var fromEnvironment = Environment.GetEnvironmentVariable("RPA_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        return Candidates.FirstOrDefault(File.Exists);
    }
}
