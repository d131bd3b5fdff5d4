namespace RpaOrleans.Plans;

/// <summary>
/// A durable description of an element that survives page reloads: tried in order test id,
/// role + name, label, placeholder, text, CSS.
/// </summary>
[GenerateSerializer, Immutable, Alias("rpa.TargetDescriptor")]
public sealed record TargetDescriptor(
    [property: Id(0)] string? Role = null,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] string? Label = null,
    [property: Id(3)] string? Text = null,
    [property: Id(4)] string? Placeholder = null,
    [property: Id(5)] string? TestId = null,
    [property: Id(6)] string? Css = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty =>
        Role is null && Label is null && Text is null && Placeholder is null && TestId is null && Css is null;

    public override string ToString()
    {
        var parts = new List<string>();
        if (TestId is not null) parts.Add($"testId={TestId}");
        if (Role is not null) parts.Add(Name is null ? $"role={Role}" : $"role={Role} name=\"{Name}\"");
        if (Label is not null) parts.Add($"label=\"{Label}\"");
        if (Placeholder is not null) parts.Add($"placeholder=\"{Placeholder}\"");
        if (Text is not null) parts.Add($"text=\"{Text}\"");
        if (Css is not null) parts.Add($"css={Css}");
        return string.Join(' ', parts);
    }
}
