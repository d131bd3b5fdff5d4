using System.Text;

namespace RpaOrleans.Observation;

/// <summary>One element as one line of the text a planner reads (see <see cref="ObservationFormatter"/>).</summary>
public static class ObservationRenderer
{
    public static string Line(ObservedElement e)
    {
        var line = new StringBuilder();
        line.Append('[').Append(e.Id).Append("] ").Append(e.Role);
        if (e.Name.Length > 0) line.Append(" \"").Append(e.Name).Append('"');
        if (e.Type.Length > 0 && e.Type is not ("text" or "checkbox" or "radio" or "submit" or "button")) line.Append(" type=").Append(e.Type);
        if (e.Value.Length > 0) line.Append(" value=\"").Append(e.Value).Append('"');
        if (e.Placeholder.Length > 0 && e.Placeholder != e.Name) line.Append(" placeholder=\"").Append(e.Placeholder).Append('"');
        if (e.Href.Length > 0) line.Append(" href=").Append(e.Href);
        if (e.Role is "checkbox" or "radio" or "switch") line.Append(e.Checked ? " checked" : " unchecked");
        if (e.Disabled) line.Append(" disabled");
        if (e.Expanded) line.Append(" expanded");
        if (e.Options is { Count: > 0 }) line.Append(" options=[").Append(string.Join(", ", e.Options)).Append(']');
        if (!e.InViewport) line.Append(" (offscreen)");
        if (e.Frame > 0) line.Append(" (frame ").Append(e.Frame).Append(')');
        return line.ToString();
    }
}
