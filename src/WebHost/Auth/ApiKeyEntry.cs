namespace RpaOrleans.WebHost.Auth;

/// <summary>One API key: whose it is, what it may do and how fast.</summary>
public sealed class ApiKeyEntry
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Tenant { get; set; } = "default";

    /// <summary><c>admin</c>, <c>operator</c> or <c>viewer</c>.</summary>
    public string Role { get; set; } = Roles.Operator;

    /// <summary>Overrides the default rate limit for this key.</summary>
    public int? RequestsPerSecond { get; set; }
}
