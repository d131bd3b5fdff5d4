namespace RpaOrleans.WebHost.Auth;

/// <summary>
/// Opening <c>/orleans/?access_token=KEY</c> with an admin key stores the key in a cookie scoped
/// to the Orleans dashboard (HttpOnly, SameSite=Strict, Secure over HTTPS) and redirects to the
/// same address without the key, so it does not stay in the address bar or the history; the
/// dashboard's own data requests then authenticate with the cookie.
/// </summary>
public static class OrleansDashboardSignIn
{
    public static IApplicationBuilder UseOrleansDashboardSignIn(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (HttpMethods.IsGet(request.Method)
                && request.Path.StartsWithSegments(ApiKeyAuthenticationHandler.OrleansDashboardPath)
                && request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrWhiteSpace(token)
                && http.User.IsInRole(Roles.Admin))
            {
                http.Response.Cookies.Append(ApiKeyAuthenticationHandler.OrleansDashboardCookie, token.ToString(), new CookieOptions
                {
                    Path = ApiKeyAuthenticationHandler.OrleansDashboardPath,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = request.IsHttps,
                    IsEssential = true,
                });
                var rest = QueryString.Create(request.Query.Where(q => q.Key != "access_token"));
                var path = request.Path.Value == ApiKeyAuthenticationHandler.OrleansDashboardPath ? ApiKeyAuthenticationHandler.OrleansDashboardPath + "/" : request.Path.Value;
                http.Response.Redirect(request.PathBase + path + rest);
                return;
            }
            await next(http);
        });
}
