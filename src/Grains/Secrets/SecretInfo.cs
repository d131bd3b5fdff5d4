namespace RpaOrleans.Secrets;

/// <summary>What anyone may know about a secret: never its value.</summary>
public sealed record SecretInfo(string Name, IReadOnlyList<string> AllowedDomains, DateTimeOffset UpdatedAt);
