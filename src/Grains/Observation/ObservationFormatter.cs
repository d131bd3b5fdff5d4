using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;

namespace RpaOrleans.Observation;

/// <summary>
/// Renders what the planner is shown of a page within a token budget, counted with the o200k
/// tokenizer. When the page is too large it degrades in this order, stopping as soon as it fits:
/// 1. visible text cut to 500 characters; 2. visible text dropped; 3. off-screen elements shown
/// as role and name only; 4. names cut to 40 characters; 5. off-screen elements dropped (counted);
/// 6. in-viewport elements cut to what fits (counted). Headings, URL, title and tabs always stay.
/// </summary>
public sealed class ObservationFormatter(IOptions<ObservationOptions> options)
{
    private static readonly Lazy<Tokenizer> Tokens = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    public int Budget => options.Value.MaxTokens;

    public static int CountTokens(string text) => Tokens.Value.CountTokens(text);

    public sealed record Rendered(string Text, int Tokens, int Level, int ElementsShown);

    public Rendered Render(PageObservation o, int? budget = null)
    {
        var max = budget ?? Budget;
        for (var level = 0; level <= 5; level++)
        {
            var text = Build(o, level, int.MaxValue, out var shown);
            var tokens = CountTokens(text);
            if (tokens <= max) return new Rendered(text, tokens, level, shown);
        }
        // Level 6: keep as many in-viewport elements as fit (binary search on the count).
        int low = 0, high = o.Elements.Count(e => e.InViewport);
        var best = Build(o, 6, 0, out var bestShown);
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var text = Build(o, 6, mid, out var shown);
            if (CountTokens(text) <= max)
            {
                best = text;
                bestShown = shown;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return new Rendered(best, CountTokens(best), 6, bestShown);
    }

    private static string Build(PageObservation o, int level, int maxInViewport, out int shown)
    {
        var text = new StringBuilder();
        text.Append("URL: ").AppendLine(o.Url);
        text.Append("Title: ").AppendLine(o.Title);
        if (o.Tabs.Count > 1)
        {
            text.AppendLine("Tabs:");
            for (var i = 0; i < o.Tabs.Count; i++)
                text.Append("  [").Append(i).Append("] ").Append(o.Tabs[i]).AppendLine(i == o.CurrentTab ? " (current)" : "");
        }
        if (o.Headings.Count > 0) text.Append("Headings: ").AppendLine(string.Join(" | ", o.Headings));
        text.AppendLine("Interactive elements ([id] role \"name\" details):");
        shown = 0;
        var hiddenInViewport = 0;
        var droppedOffscreen = 0;
        foreach (var e in o.Elements)
        {
            if (e.InViewport)
            {
                if (level >= 6 && shown >= maxInViewport) { hiddenInViewport++; continue; }
                text.AppendLine(level >= 4 ? ObservationRenderer.Line(Shorten(e)) : ObservationRenderer.Line(e));
            }
            else
            {
                if (level >= 5) { droppedOffscreen++; continue; }
                text.AppendLine(level >= 3 ? Brief(level >= 4 ? Shorten(e) : e) : ObservationRenderer.Line(e));
            }
            shown++;
        }
        var beyond = o.TotalElements - o.Elements.Count;
        if (hiddenInViewport > 0) text.Append('(').Append(hiddenInViewport).AppendLine(" more visible elements not listed: the page is too large; act on what is listed or scroll)");
        if (droppedOffscreen + beyond > 0) text.Append('(').Append(droppedOffscreen + beyond).AppendLine(" more elements off-screen; scroll to reach them)");
        else if (o.ElementsBelow > 0 && level < 5) text.Append('(').Append(o.ElementsBelow).AppendLine(" of these are below the viewport)");
        var body = level switch { 0 => Cut(o.Text, 1500), 1 => Cut(o.Text, 500), _ => "" };
        if (body.Length > 0) text.AppendLine("Visible text:").AppendLine(body);
        return text.ToString();
    }

    private static string Brief(ObservedElement e) => $"[{e.Id}] {e.Role} \"{e.Name}\" (offscreen)";

    private static ObservedElement Shorten(ObservedElement e) => new()
    {
        Id = e.Id, Role = e.Role, Name = Cut(e.Name, 40), Type = e.Type, Value = Cut(e.Value, 40), Placeholder = Cut(e.Placeholder, 40),
        Href = Cut(e.Href, 40), Checked = e.Checked, Disabled = e.Disabled, Expanded = e.Expanded, InViewport = e.InViewport,
        Options = e.Options?.Take(8).ToList(), Frame = e.Frame,
    };

    private static string Cut(string s, int max) => s.Length > max ? s[..max] + "…" : s;
}
