using Microsoft.Playwright;

namespace RpaOrleans.Observation;

/// <summary>What the agent sees at the start of a step. Element ids are valid for this step only.</summary>
public sealed class PageObservation
{
    public required string Url { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<ObservedElement> Elements { get; init; }
    public required IReadOnlyList<IFrame> Frames { get; init; }
    public required IReadOnlyList<string> Headings { get; init; }
    public required string Text { get; init; }
    public int TotalElements { get; init; }
    public int ElementsBelow { get; init; }
    public byte[]? Screenshot { get; init; }

    /// <summary>Open tabs as "title — url", when there is more than one; <see cref="CurrentTab"/> is the acted-on one.</summary>
    public IReadOnlyList<string> Tabs { get; init; } = [];

    public int CurrentTab { get; init; }

    public ObservedElement? Find(int id)
    {
        foreach (var element in Elements) if (element.Id == id) return element;
        return null;
    }
}
