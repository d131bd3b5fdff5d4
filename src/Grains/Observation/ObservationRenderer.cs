using System.Text;

namespace RpaOrleans.Observation;

/// <summary>Turns an observation into the compact text a planner reads.</summary>
public static class ObservationRenderer
{
    public static string Render(PageObservation observation, int maxTextChars = 1500)
    {
        var text = new StringBuilder();
        text.Append("URL: ").AppendLine(observation.Url);
        text.Append("Title: ").AppendLine(observation.Title);
        if (observation.Tabs.Count > 1)
        {
            text.AppendLine("Tabs:");
            for (var i = 0; i < observation.Tabs.Count; i++)
                text.Append("  [").Append(i).Append("] ").Append(observation.Tabs[i]).AppendLine(i == observation.CurrentTab ? " (current)" : "");
        }
        if (observation.Headings.Count > 0) text.Append("Headings: ").AppendLine(string.Join(" | ", observation.Headings));
        text.AppendLine("Interactive elements ([id] role \"name\" details):");
        foreach (var e in observation.Elements) text.AppendLine(Line(e));
        if (observation.ElementsBelow > 0) text.Append('(').Append(observation.ElementsBelow).AppendLine(" more elements below the viewport; scroll to reach them)");
        var body = observation.Text.Length > maxTextChars ? observation.Text[..maxTextChars] + "…" : observation.Text;
        text.AppendLine("Visible text:").AppendLine(body);
        return text.ToString();
    }

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
