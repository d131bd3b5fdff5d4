using Microsoft.Playwright;
using RpaOrleans.Observation;

namespace RpaOrleans.Execution;

/// <summary>Maps an element id or a durable descriptor to a Playwright locator.</summary>
public static class TargetResolver
{
    public sealed record Resolved(ILocator Locator, TargetDescriptor Descriptor, ElementBox? Box, int Count);

    public static Resolved FromElementId(int id, PageObservation observation)
    {
        var element = observation.Find(id)
            ?? throw new ActionFailedException("unknown_element", $"element [{id}] is not on the page (ids 1–{observation.Elements.Count} exist this step)");
        var frame = observation.Frames[element.Frame];
        var locator = frame.Locator($"[data-rpa-id=\"{id}\"]");
        return new Resolved(locator, Describe(element), new ElementBox(element.X, element.Y, element.Width, element.Height), 1);
    }

    /// <summary>A durable description of an observed element, for recorded plans.</summary>
    public static TargetDescriptor Describe(ObservedElement e) => new(
        Role: e.Role is "clickable" or "" ? null : e.Role,
        Name: e.Name.Length > 0 ? e.Name : null,
        Label: e.Label.Length > 0 ? e.Label : null,
        Text: e.Role == "clickable" && e.Text.Length > 0 ? e.Text : null,
        Placeholder: e.Placeholder.Length > 0 ? e.Placeholder : null,
        TestId: e.TestId.Length > 0 ? e.TestId : null,
        Css: e.Css.Length > 0 ? e.Css : null);

    /// <summary>
    /// Tries each strategy of the descriptor in priority order in every frame; waits up to
    /// <paramref name="timeoutMs"/> for one of them to appear.
    /// </summary>
    public static async Task<Resolved> FromDescriptorAsync(IPage page, TargetDescriptor descriptor, int timeoutMs, bool visibleOnly = true)
    {
        if (descriptor.IsEmpty) throw new ActionFailedException("invalid_target", "the target descriptor is empty");
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            foreach (var frame in page.Frames)
            {
                if (frame.IsDetached) continue;
                foreach (var locator in Strategies(frame, descriptor))
                {
                    var candidate = visibleOnly ? locator.Filter(new LocatorFilterOptions { Visible = true }) : locator;
                    int count;
                    try { count = await candidate.CountAsync(); }
                    catch (PlaywrightException) { continue; }
                    if (count == 0) continue;
                    var first = candidate.First;
                    LocatorBoundingBoxResult? box;
                    try { box = await first.BoundingBoxAsync(new LocatorBoundingBoxOptions { Timeout = 1000 }); }
                    catch (TimeoutException) { box = null; } // the box is for replay only; a busy machine must not fail the action
                    return new Resolved(count == 1 ? candidate : first, descriptor,
                        box is null ? null : new ElementBox(box.X, box.Y, box.Width, box.Height), count);
                }
            }
            if (DateTime.UtcNow >= deadline)
                throw new ActionFailedException("target_not_found", $"no element matches {descriptor} (waited {timeoutMs} ms)");
            await Task.Delay(100);
        }
    }

    private static IEnumerable<ILocator> Strategies(IFrame frame, TargetDescriptor d)
    {
        if (d.TestId is not null) yield return frame.GetByTestId(d.TestId);
        if (d.Role is not null && Enum.TryParse<AriaRole>(d.Role, ignoreCase: true, out var role))
        {
            yield return d.Name is null
                ? frame.GetByRole(role)
                : frame.GetByRole(role, new FrameGetByRoleOptions { Name = d.Name, Exact = true });
        }
        if (d.Label is not null) yield return frame.GetByLabel(d.Label, new FrameGetByLabelOptions { Exact = true });
        if (d.Placeholder is not null) yield return frame.GetByPlaceholder(d.Placeholder, new FrameGetByPlaceholderOptions { Exact = true });
        if (d.Text is not null) yield return frame.GetByText(d.Text, new FrameGetByTextOptions { Exact = true });
        if (d.Role is not null && d.Name is not null && Enum.TryParse<AriaRole>(d.Role, ignoreCase: true, out var loose))
            yield return frame.GetByRole(loose, new FrameGetByRoleOptions { Name = d.Name });
        if (d.Text is not null) yield return frame.GetByText(d.Text);
        if (d.Css is not null) yield return frame.Locator(d.Css);
    }
}
