using RpaOrleans.Secrets;

namespace RpaOrleans.Observation;

public static class ObservationRedaction
{
    /// <summary>The observation with every secret value replaced by its placeholder, for prompts and records.</summary>
    public static PageObservation Redact(this PageObservation o, SecretRedactor redactor)
    {
        if (redactor.IsEmpty) return o;
        foreach (var e in o.Elements)
        {
            e.Name = redactor.Redact(e.Name)!;
            e.Value = redactor.Redact(e.Value)!;
            e.Text = redactor.Redact(e.Text)!;
            e.Label = redactor.Redact(e.Label)!;
            e.Placeholder = redactor.Redact(e.Placeholder)!;
            e.Href = redactor.Redact(e.Href)!;
            e.Css = redactor.Redact(e.Css)!;
            if (e.Options is { } options) e.Options = options.Select(x => redactor.Redact(x)!).ToList();
        }
        return new PageObservation
        {
            Url = redactor.Redact(o.Url)!,
            Title = redactor.Redact(o.Title)!,
            Elements = o.Elements,
            Frames = o.Frames,
            Headings = o.Headings.Select(h => redactor.Redact(h)!).ToList(),
            Text = redactor.Redact(o.Text)!,
            TotalElements = o.TotalElements,
            ElementsBelow = o.ElementsBelow,
            Screenshot = o.Screenshot,
            Tabs = o.Tabs.Select(t => redactor.Redact(t)!).ToList(),
            CurrentTab = o.CurrentTab,
        };
    }
}
