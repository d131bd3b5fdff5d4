namespace RpaOrleans.Observation;

/// <summary>One numbered interactive element as the page script reports it.</summary>
public sealed class ObservedElement
{
    public int Id { get; set; }
    public string Tag { get; set; } = "";
    public string Role { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string Value { get; set; } = "";
    public string Placeholder { get; set; } = "";
    public string Href { get; set; } = "";
    public string Label { get; set; } = "";
    public string TestId { get; set; } = "";
    public string Css { get; set; } = "";
    public string Text { get; set; } = "";
    public bool Checked { get; set; }
    public bool Disabled { get; set; }
    public bool Expanded { get; set; }
    public bool InViewport { get; set; }
    public List<string>? Options { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    public double Width { get; set; }
    public double Height { get; set; }

    /// <summary>Index into <see cref="Observation.Frames"/>; 0 is the main frame.</summary>
    public int Frame { get; set; }
}
