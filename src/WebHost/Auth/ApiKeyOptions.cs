namespace RpaOrleans.WebHost.Auth;

/// <summary>Section <c>Auth</c>. <c>RPA_API_KEY</c> adds an admin key for the <c>default</c> tenant.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}
