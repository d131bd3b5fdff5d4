using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RpaOrleans.Bench;

/// <summary>
/// Ground truth for recall: the elements with interactive roles in Chromium's own accessibility
/// tree (CDP <c>Accessibility.getFullAXTree</c>, main frame), with their computed names.
/// </summary>
public static partial class AccessibilityTruth
{
    private static readonly HashSet<string> InteractiveRoles =
    [
        "button", "link", "checkbox", "radio", "textbox", "searchbox", "combobox", "listbox", "menuitem", "menuitemcheckbox",
        "menuitemradio", "switch", "tab", "slider", "spinbutton", "treeitem",
    ];

    public static async Task<List<(string Role, string Name)>> ReadAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var tree = await cdp.SendAsync("Accessibility.getFullAXTree");
        await cdp.DetachAsync();
        var found = new List<(string, string)>();
        if (tree is not { } root || !root.TryGetProperty("nodes", out var nodes)) return found;
        foreach (var node in nodes.EnumerateArray())
        {
            if (node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean()) continue;
            var role = node.TryGetProperty("role", out var r) && r.TryGetProperty("value", out var rv) ? rv.GetString() ?? "" : "";
            if (!InteractiveRoles.Contains(role)) continue;
            var name = node.TryGetProperty("name", out var n) && n.TryGetProperty("value", out var nv) && nv.ValueKind == JsonValueKind.String
                ? nv.GetString() ?? "" : "";
            found.Add((role, Normalize(name)));
        }
        return found;
    }

    public static string Normalize(string name) => Spaces().Replace(name, " ").Trim().ToLowerInvariant();

    /// <summary>Recall of <paramref name="truth"/> (named elements only) in a set of exposed names.</summary>
    public static (int Named, int Found) Recall(IEnumerable<(string Role, string Name)> truth, Func<string, bool> exposes)
    {
        int named = 0, found = 0;
        foreach (var (_, name) in truth)
        {
            if (name.Length == 0) continue;
            named++;
            if (exposes(name)) found++;
        }
        return (named, found);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
