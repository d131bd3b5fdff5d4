using System.ComponentModel.DataAnnotations;

namespace RpaOrleans.Browser;

/// <summary>How this process launches and shares its browser (section <c>Browser</c>).</summary>
public sealed class BrowserOptions
{
    public const string Section = "Browser";

    /// <summary>Chromium binary; found automatically when empty.</summary>
    public string? ExecutablePath { get; set; }

    public bool Headless { get; set; } = true;

    /// <summary>Sessions this process runs at once. Zero makes a process that hosts no browsers.</summary>
    [Range(0, 512)]
    public int Capacity { get; set; } = 4;

    [Range(320, 3840)]
    public int ViewportWidth { get; set; } = 1280;

    [Range(240, 2160)]
    public int ViewportHeight { get; set; } = 800;

    [Range(10, 100)]
    public int ScreenshotQuality { get; set; } = 60;

    [Range(100, 120_000)]
    public int ActionTimeoutMs { get; set; } = 10_000;

    [Range(1_000, 300_000)]
    public int NavigationTimeoutMs { get; set; } = 30_000;

    /// <summary>How long a recorded target may take to appear before the step counts it as missing.</summary>
    [Range(100, 60_000)]
    public int TargetWaitMs { get; set; } = 5_000;

    /// <summary>
    /// Fresh contexts (each with a blank page, so its renderer process is already running) kept ready
    /// for the next sessions, at most as many as there are free slots. A session that starts or is
    /// recovered here takes one and skips about a second of context and renderer start-up; it is never
    /// reused afterwards. Each costs an idle renderer (tens of MiB) while it waits. Zero turns this off.
    /// </summary>
    [Range(0, 16)]
    public int WarmContexts { get; set; } = 2;

    public List<string> ExtraArgs { get; set; } = [];
}
