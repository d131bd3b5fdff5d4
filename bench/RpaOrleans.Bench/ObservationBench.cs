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
            var rendered = ObservationRenderer.Render(observation!);
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
                    "counts of the text the planner receives (`ObservationRenderer.Render`), raw HTML is `page.content()`.");
        result.Line("");
        result.Line($"Across pages: tokens per page median (p25–p75) **{tokens.Spread()}** (max {tokens.Max:0}); raw HTML {htmlTokens.Spread()}; " +
                    $"time to observe **{ms.Spread()} ms** with the JPEG, {noShotMs.Spread()} ms element map only.");
        result.Line("");
        result.Line("| page | elements | tokens | raw HTML tokens | observe ms (elements + JPEG) | element map only ms |");
        result.Line("|---|---|---|---|---|---|");
        foreach (var r in rows) result.Line($"| {r.Page} | {r.Elements} | {r.Tokens} | {r.HtmlTokens} | {r.Ms.Spread()} | {r.NoShotMs.Spread()} |");
        return result;
    }
}
