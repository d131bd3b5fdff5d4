using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace RpaOrleans.WebHost.Auth;

/// <summary>
/// Accepts a key in <c>X-Api-Key</c>, as <c>Authorization: Bearer</c>, or — for WebSockets and
/// image tags, which cannot set headers — in the <c>access_token</c> query parameter; under
/// <c>/orleans</c> also in a cookie (see <see cref="OrleansDashboardCookie"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRegistry keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented();
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        var entry = keys.Find(presented);
        if (entry is null) return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, entry.Name),
            new Claim(RpaClaims.KeyName, string.IsNullOrEmpty(entry.Name) ? "key" : entry.Name),
            new Claim(RpaClaims.Tenant, entry.Tenant),
            new Claim(ClaimTypes.Role, entry.Role),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private string? Presented() => PresentedKey(Request);

    /// <summary>The key a request presents, wherever it put it; the rate limiter partitions by it too.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && !string.IsNullOrWhiteSpace(header)) return header.ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization["Bearer ".Length..].Trim();
        if (request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrWhiteSpace(token)) return token.ToString();
        // The Orleans dashboard's own page fetches its data without our headers: under its path only,
        // the HttpOnly cookie set when an admin opened it with ?access_token= stands in for the key.
        if (request.Path.StartsWithSegments(OrleansDashboardPath) && request.Cookies.TryGetValue(OrleansDashboardCookie, out var cookie)
            && !string.IsNullOrWhiteSpace(cookie)) return cookie;
        return null;
    }

    /// <summary>Where Orleans' dashboard is mapped on the web host.</summary>
    public const string OrleansDashboardPath = "/orleans";

    /// <summary>The cookie that carries an admin's key for the Orleans dashboard (path-scoped, HttpOnly, SameSite=Strict).</summary>
    public const string OrleansDashboardCookie = "rpa_orleans_key";

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "ApiKey realm=\"rpa\", Bearer";
        var failed = Presented() is not null;
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: failed ? "Invalid API key" : "API key required",
            detail: failed
                ? "The API key is not valid."
                : "Send an API key in the X-Api-Key header or as 'Authorization: Bearer <key>'.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed",
            detail: "This API key's role may not do this.").ExecuteAsync(Context);
    }
}
