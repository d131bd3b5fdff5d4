using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using RpaOrleans.Browser;
using RpaOrleans.Serialization;

namespace RpaOrleans.Observation;

/// <summary>Builds the numbered element map of every frame plus a JPEG of the viewport.</summary>
public sealed class PageObserver(IOptions<BrowserOptions> options)
{
    private static readonly string Script = LoadScript();
    private const int MaxElementsPerFrame = 400;

    public async Task<PageObservation> ObserveAsync(IPage page, bool screenshot = true, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var shot = screenshot
            ? page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = options.Value.ScreenshotQuality })
            : Task.FromResult<byte[]>([]);

        var elements = new List<ObservedElement>();
        var frames = new List<IFrame>();
        FrameSnapshot? main = null;
        var total = 0;
        var below = 0;
        foreach (var frame in page.Frames)
        {
            if (frame.IsDetached) continue;
            FrameSnapshot snapshot;
            try
            {
                var json = await frame.EvaluateAsync<string>(Script, new { startId = elements.Count + 1, maxElements = MaxElementsPerFrame });
                snapshot = JsonSerializer.Deserialize<FrameSnapshot>(json, RpaJson.Options) ?? new FrameSnapshot();
            }
            catch (PlaywrightException) when (frame != page.MainFrame)
            {
                continue; // A child frame navigating away mid-observation is not worth failing the step.
            }
            var (dx, dy) = frame == page.MainFrame ? (0d, 0d) : await OffsetAsync(frame);
            var frameIndex = frames.Count;
            frames.Add(frame);
            foreach (var element in snapshot.Elements)
            {
                element.Frame = frameIndex;
                element.X += dx;
                element.Y += dy;
                elements.Add(element);
            }
            total += snapshot.TotalElements;
            below += snapshot.ElementsBelow;
            main ??= snapshot;
        }

        main ??= new FrameSnapshot { Url = page.Url };
        var pages = page.Context.Pages;
        var tabs = new List<string>();
        if (pages.Count > 1)
            foreach (var tab in pages) tabs.Add($"{(tab.IsClosed ? "(closed)" : await tab.TitleAsync())} — {tab.Url}");
        return new PageObservation
        {
            Url = page.Url,
            Title = main.Title,
            Elements = elements,
            Frames = frames,
            Headings = main.Headings,
            Text = main.Text,
            TotalElements = total,
            ElementsBelow = below,
            Screenshot = screenshot ? await shot : null,
            Tabs = tabs,
            CurrentTab = Math.Max(0, pages.ToList().IndexOf(page)),
        };
    }

    private static async Task<(double, double)> OffsetAsync(IFrame frame)
    {
        try
        {
            var owner = await frame.FrameElementAsync();
            var box = await owner.BoundingBoxAsync();
            return box is null ? (0, 0) : (box.X, box.Y);
        }
        catch (PlaywrightException)
        {
            return (0, 0);
        }
    }

    private static string LoadScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("observe.js")
            ?? throw new InvalidOperationException("observe.js is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
