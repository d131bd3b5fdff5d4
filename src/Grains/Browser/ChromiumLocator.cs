namespace RpaOrleans.Browser;

/// <summary>Finds a system Chromium so Playwright never needs its own browser download.</summary>
public static class ChromiumLocator
{
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
