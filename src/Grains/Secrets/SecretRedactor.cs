namespace RpaOrleans.Secrets;

/// <summary>
/// Replaces every known secret value with its placeholder. Applied to everything a session writes
/// or shows: prompts, step records, results, events, logs and audit entries.
/// </summary>
public sealed class SecretRedactor
{
    public static SecretRedactor Empty { get; } = new([]);

    private readonly (string Value, string Placeholder)[] _secrets;

    public SecretRedactor(IEnumerable<SecretValue> secrets)
    {
        // Longest first, so a secret containing another is replaced whole.
        _secrets = secrets.Where(s => s.Value.Length >= 4)
            .Select(s => (s.Value, SecretPlaceholders.For(s.Name)))
            .OrderByDescending(s => s.Value.Length)
            .ToArray();
    }

    public bool IsEmpty => _secrets.Length == 0;

    public string? Redact(string? text)
    {
        if (text is null || _secrets.Length == 0) return text;
        foreach (var (value, placeholder) in _secrets)
        {
            if (text.Contains(value, StringComparison.Ordinal)) text = text.Replace(value, placeholder, StringComparison.Ordinal);
            // Values also travel URL-encoded and JSON-escaped.
            var encoded = Uri.EscapeDataString(value);
            if (encoded != value && text.Contains(encoded, StringComparison.Ordinal)) text = text.Replace(encoded, placeholder, StringComparison.Ordinal);
        }
        return text;
    }
}
