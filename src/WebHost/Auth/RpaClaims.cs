using System.Security.Claims;

namespace RpaOrleans.WebHost.Auth;

public static class RpaClaims
{
    public const string Tenant = "rpa:tenant";
    public const string KeyName = "rpa:key";

    public static string TenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Tenant) ?? throw new InvalidOperationException("The caller has no tenant.");

    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(KeyName) ?? "anonymous";
}
