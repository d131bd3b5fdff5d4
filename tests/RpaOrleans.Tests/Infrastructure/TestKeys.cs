namespace RpaOrleans.Tests.Infrastructure;

/// <summary>API keys every test host is configured with.</summary>
public static class TestKeys
{
    public const string Admin = "test-admin-key";
    public const string OtherTenant = "test-other-tenant-key";
    public const string Viewer = "test-viewer-key";
    public const string Throttled = "test-throttled-key";

    public static Dictionary<string, string?> Configuration() => new()
    {
        ["Auth:ApiKeys:0:Key"] = Admin, ["Auth:ApiKeys:0:Name"] = "admin", ["Auth:ApiKeys:0:Tenant"] = "acme", ["Auth:ApiKeys:0:Role"] = "admin",
        ["Auth:ApiKeys:1:Key"] = OtherTenant, ["Auth:ApiKeys:1:Name"] = "other", ["Auth:ApiKeys:1:Tenant"] = "globex", ["Auth:ApiKeys:1:Role"] = "operator",
        ["Auth:ApiKeys:2:Key"] = Viewer, ["Auth:ApiKeys:2:Name"] = "viewer", ["Auth:ApiKeys:2:Tenant"] = "acme", ["Auth:ApiKeys:2:Role"] = "viewer",
        ["Auth:ApiKeys:3:Key"] = Throttled, ["Auth:ApiKeys:3:Name"] = "throttled", ["Auth:ApiKeys:3:Tenant"] = "acme", ["Auth:ApiKeys:3:Role"] = "operator",
        ["Auth:ApiKeys:3:RequestsPerSecond"] = "1",
    };
}
