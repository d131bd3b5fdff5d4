using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using Microsoft.Playwright;
using RpaOrleans.Browser;
using RpaOrleans.Observation;

namespace RpaOrleans.Bench;

/// <summary>
/// 7. Observation: for every page of the agent test corpus and the demo shop, the platform's
/// PageObserver (all frames + JPEG) timed, and the size of what the planner reads
/// (ObservationRenderer) in o200k tokens, against the page's raw HTML.
/// </summary>
public static class ObservationBench
{
    private static readonly string[] DemoPages = ["index.html", "search.html?q=headphones", "product.html?id=1", "cart.html", "checkout.html", "login.html"];
    private static readonly string[] NotPages = ["iframe-inner.html", "iframe-leaf.html", "popup-target.html"];

    public static async Task<BenchResult> RunAsync(BenchSettings settings, PlatformHost host)
    {
        var result = new BenchResult("7. Observation (agent test corpus)");
        var corpus = Path.Combine(Path.GetDirectoryName(settings.WebHostDll)!, "wwwroot", "corpus");
        var pages = Directory.GetFiles(corpus, "*.html").Select(Path.GetFileName).Where(f => !NotPages.Contains(f)).Order()
            .Select(f => $"corpus/{f}").Concat(DemoPages.Select(p => $"demo/{p}")).ToList();
        var tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");
        var observer = new PageObserver(Options.Create(new BrowserOptions()));
        await using var raw = await RawFloor.LaunchAsync();
        var context = await raw.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var rows = new List<(string Page, int Elements, int Tokens, int HtmlTokens, Stats Ms, Stats NoShotMs)>();
        var formatter = new ObservationFormatter(Options.Create(new ObservationOptions()));
        var comparison = new List<(string Page, int Truth, int Ours, int OursTokens, int Aria, int AriaTokens)>();
        foreach (var path in pages)
        {
            await page.GotoAsync($"{host.BaseUrl}/{path}", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await observer.ObserveAsync(page); // warm
            var times = new List<double>();
            var noShot = new List<double>();
            PageObservation? observation = null;
            for (var i = 0; i < settings.ObservationRepeats; i++)
            {
                var watch = Stopwatch.StartNew();
                observation = await observer.ObserveAsync(page);
                times.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await observer.ObserveAsync(page, screenshot: false);
                noShot.Add(watch.Elapsed.TotalMilliseconds);
            }
            var rendered = formatter.Render(observation!).Text;
            // Against Playwright's AI-mode aria snapshot, on recall of Chromium's own interactive elements.
            var truth = await AccessibilityTruth.ReadAsync(page);
            var ourNames = observation!.Elements.Select(e => AccessibilityTruth.Normalize(e.Name)).ToHashSet();
            var renderedLower = AccessibilityTruth.Normalize(rendered);
            var ours = AccessibilityTruth.Recall(truth, name => ourNames.Contains(name) && renderedLower.Contains($"\"{name}\"", StringComparison.Ordinal));
            var aria = await page.AriaSnapshotAsync(new PageAriaSnapshotOptions { Mode = AriaSnapshotMode.Ai });
            var ariaLower = AccessibilityTruth.Normalize(aria);
            var ariaRecall = AccessibilityTruth.Recall(truth, name => ariaLower.Contains($"\"{name}\"", StringComparison.Ordinal) || ariaLower.Contains($": {name}", StringComparison.Ordinal));
            comparison.Add((path, ours.Named, ours.Found, tokenizer.CountTokens(rendered), ariaRecall.Found, tokenizer.CountTokens(aria)));
            var html = await page.ContentAsync();
            rows.Add((path, observation!.Elements.Count, tokenizer.CountTokens(rendered), tokenizer.CountTokens(html), Stats.Of(times), Stats.Of(noShot)));
            Console.WriteLine($"[observation] {path}: {observation.Elements.Count} elements, {rows[^1].Tokens} tokens, {Stats.Of(times).Median:0} ms");
        }
        await context.CloseAsync();

        var tokens = Stats.Of(rows.Select(r => (double)r.Tokens));
        var htmlTokens = Stats.Of(rows.Select(r => (double)r.HtmlTokens));
        var ms = Stats.Of(rows.Select(r => r.Ms.Median));
        var noShotMs = Stats.Of(rows.Select(r => r.NoShotMs.Median));
        result.Line($"{rows.Count} pages, {settings.ObservationRepeats} timed observations each after one warm-up; tokens are o200k_base (gpt-4o) " +
                    "counts of the text the planner receives (`ObservationFormatter.Render`, 4,000-token budget), raw HTML is `page.content()`.");
        result.Line("");
        result.Line($"Across pages: tokens per page median (p25–p75) **{tokens.Spread()}** (max {tokens.Max:0}); raw HTML {htmlTokens.Spread()}; " +
                    $"time to observe **{ms.Spread()} ms** with the JPEG, {noShotMs.Spread()} ms element map only.");
        result.Line("");
        result.Line("| page | elements | tokens | raw HTML tokens | observe ms (elements + JPEG) | element map only ms |");
        result.Line("|---|---|---|---|---|---|");
        foreach (var r in rows) result.Line($"| {r.Page} | {r.Elements} | {r.Tokens} | {r.HtmlTokens} | {r.Ms.Spread()} | {r.NoShotMs.Spread()} |");
        result.Line("");
        result.Line("**Against Playwright's AI-mode aria snapshot** (`page.AriaSnapshotAsync(Mode = Ai)`, the snapshot its MCP server shows models). " +
                    "Ground truth: elements with interactive roles and a non-empty name in Chromium's accessibility tree of the main frame " +
                    "(CDP `Accessibility.getFullAXTree`); an element counts as found when its name appears quoted in what the model is shown " +
                    "(ours: the token-budgeted text the navigator reads, 4,000-token budget).");
        result.Line("");
        int truthTotal = comparison.Sum(c => c.Truth), oursTotal = comparison.Sum(c => c.Ours), ariaTotal = comparison.Sum(c => c.Aria);
        var oursTokens = Stats.Of(comparison.Select(c => (double)c.OursTokens));
        var ariaTokens = Stats.Of(comparison.Select(c => (double)c.AriaTokens));
        result.Line($"Overall recall: **ours {100.0 * oursTotal / Math.Max(1, truthTotal):0.0} %**, aria snapshot {100.0 * ariaTotal / Math.Max(1, truthTotal):0.0} % " +
                    $"of {truthTotal} named interactive elements; tokens per page median ours {oursTokens.Spread()}, aria snapshot {ariaTokens.Spread()} (max {oursTokens.Max:0} vs {ariaTokens.Max:0}).");
        var fits = comparison.Where(c => c.AriaTokens <= formatter.Budget).ToList();
        int fitTruth = fits.Sum(c => c.Truth), fitOurs = fits.Sum(c => c.Ours), fitAria = fits.Sum(c => c.Aria);
        result.Line($"On the {fits.Count} pages whose aria snapshot fits the same 4,000-token budget: recall ours {100.0 * fitOurs / Math.Max(1, fitTruth):0.0} %, " +
                    $"aria snapshot {100.0 * fitAria / Math.Max(1, fitTruth):0.0} % of {fitTruth}, with ours using {fits.Sum(c => c.OursTokens)} tokens against " +
                    $"{fits.Sum(c => c.AriaTokens)}. On the others the aria snapshot is simply too large to send.");
        result.Line("");
        result.Line("| page | truth | ours found | ours tokens | aria found | aria tokens |");
        result.Line("|---|---|---|---|---|---|");
        foreach (var c in comparison) result.Line($"| {c.Page} | {c.Truth} | {c.Ours} | {c.OursTokens} | {c.Aria} | {c.AriaTokens} |");
        return result;
    }
}
