namespace RpaOrleans.Observation;

/// <summary>What the page script returns for one frame.</summary>
public sealed class FrameSnapshot
{
    public string Url { get; set; } = "";
    public string Title { get; set; } = "";
    public List<ObservedElement> Elements { get; set; } = [];
    public int TotalElements { get; set; }
    public int ElementsBelow { get; set; }
    public List<string> Headings { get; set; } = [];
    public string Text { get; set; } = "";
    public double ScrollY { get; set; }
    public double ScrollHeight { get; set; }
    public double ViewportHeight { get; set; }
}
