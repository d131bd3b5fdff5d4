namespace RpaOrleans.Execution;

/// <summary>Which URLs a session may open: http(s) only, and only allowed domains when a list is given.</summary>
public static class UrlPolicy
{
    /// <summary>An absolute http(s) URL for <paramref name="url"/> (resolved against <paramref name="baseUrl"/>), or an error.</summary>
    public static (Uri? Uri, string? Error) Check(string? url, IReadOnlyList<string>? allowedDomains, string? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(url)) return (null, "a URL is required");
        Uri? uri;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out uri))
        {
            if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri) || !Uri.TryCreate(baseUri, url.Trim(), out uri))
                return (null, $"'{Truncate(url)}' is not a valid absolute URL");
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return (null, $"the '{uri.Scheme}:' scheme is not allowed; only http and https are");
        if (allowedDomains is { Count: > 0 } && !IsAllowedHost(uri.Host, allowedDomains))
            return (null, $"'{uri.Host}' is not in the allowed domains ({string.Join(", ", allowedDomains)})");
        return (uri, null);
    }

    public static bool IsAllowedHost(string host, IReadOnlyList<string> allowedDomains)
    {
        foreach (var domain in allowedDomains)
        {
            var d = domain.Trim().TrimStart('.').ToLowerInvariant();
            if (d.Length == 0) continue;
            if (host.Equals(d, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static string Truncate(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
