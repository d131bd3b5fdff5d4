namespace RpaOrleans.Secrets;

/// <summary>A decrypted secret; lives only in memory of the process that types it.</summary>
public sealed record SecretValue(string Name, string Value, IReadOnlyList<string> AllowedDomains);
