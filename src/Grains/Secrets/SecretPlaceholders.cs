using System.Text.RegularExpressions;

namespace RpaOrleans.Secrets;

/// <summary><c>{{secret:name}}</c> placeholders.</summary>
public static partial class SecretPlaceholders
{
    public static string For(string name) => $"{{{{secret:{name}}}}}";

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public static IEnumerable<string> Names(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>Replaces each placeholder with <paramref name="resolve"/>'s answer.</summary>
    public static string Substitute(string text, Func<string, string> resolve) =>
        Placeholder().Replace(text, m => resolve(m.Groups[1].Value));

    [GeneratedRegex(@"\{\{secret:([A-Za-z0-9_.-]{1,64})\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex NamePattern();
}
