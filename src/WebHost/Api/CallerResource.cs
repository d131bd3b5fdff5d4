namespace RpaOrleans.WebHost.Api;

/// <summary>Who an API key is: the dashboard checks a key with it and hides what the role may not do.</summary>
public sealed record CallerResource(string Name, string Tenant, string Role, bool CanOperate);
