using System.Text.RegularExpressions;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>Reads element ids out of the page map in a prompt, as a model would.</summary>
public static partial class PromptElements
{
    /// <summary>The id of the first element line containing <paramref name="fragment"/> (e.g. <c>searchbox "Search products"</c>).</summary>
    public static int IdOf(string prompt, string fragment)
    {
        foreach (Match m in ElementLine().Matches(prompt))
            if (m.Groups[2].Value.Contains(fragment, StringComparison.Ordinal)) return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"No element matching '{fragment}' in the prompt:\n{prompt}");
    }

    [GeneratedRegex(@"^\[(\d+)\] (.*)$", RegexOptions.Multiline)]
    private static partial Regex ElementLine();
}
