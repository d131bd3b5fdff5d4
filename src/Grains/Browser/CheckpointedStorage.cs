using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace RpaOrleans.Browser;

/// <summary>
/// Puts a checkpointed storage state (Playwright's JSON: cookies, and localStorage per origin)
/// back into a new context. Cookies go in with the context. localStorage is written through the
/// session's own page — a navigation to a blank document served by a page route for each origin —
/// instead of Playwright's storage-state restore, which opens and loads an extra page per origin
/// (about 0.3 s per restore measured alone). The blank document stays in the page's history, one
/// entry before the reopened URL.
/// </summary>
public static class CheckpointedStorage
{
    private const string RestorePath = "/__rpa_restore_storage__";

    /// <summary>The state without its origins (cookies only), and the origins' localStorage items.</summary>
    public static (string? CookiesOnly, IReadOnlyList<(string Origin, string[][] Items)> Origins) Split(string? storageStateJson)
    {
        if (string.IsNullOrWhiteSpace(storageStateJson)) return (storageStateJson, []);
        JsonObject? state;
        try
        {
            state = JsonNode.Parse(storageStateJson) as JsonObject;
        }
        catch (JsonException)
        {
            return (storageStateJson, []);
        }
        if (state?["origins"] is not JsonArray origins || origins.Count == 0) return (storageStateJson, []);
        var restorable = new List<(string, string[][])>();
        foreach (var entry in origins)
        {
            if (entry?["origin"]?.GetValue<string>() is not { } origin || entry["localStorage"] is not JsonArray items || items.Count == 0) continue;
            // Only http(s) origins can be served by a route; anything else keeps Playwright's way.
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return (storageStateJson, []);
            restorable.Add((origin, [.. items.Select(i => new[] { i?["name"]?.GetValue<string>() ?? "", i?["value"]?.GetValue<string>() ?? "" })]));
        }
        state["origins"] = new JsonArray();
        return (state.ToJsonString(), restorable);
    }

    /// <summary>
    /// The cookies of a cookies-only storage state (<see cref="Split"/>'s first part, Playwright's format), to
    /// add to a context made before the session was known. False when that could lose anything a new
    /// context made from the state would keep: state that does not parse or still holds origins (Split
    /// left them for Playwright), partitioned cookies (their partition flags have no place in
    /// <see cref="Cookie"/>), a field of an unexpected type. Expiry times pass through a float (Playwright's
    /// type), so they may move by up to a minute.
    /// </summary>
    public static bool TryCookies(string? cookiesOnly, out List<Cookie> cookies)
    {
        cookies = [];
        if (string.IsNullOrWhiteSpace(cookiesOnly)) return true;
        try
        {
            if (JsonNode.Parse(cookiesOnly) is not JsonObject state) return false;
            if (state["origins"] is JsonArray { Count: > 0 }) return false;
            foreach (var node in state["cookies"] as JsonArray ?? [])
            {
                if (node is not JsonObject cookie || cookie["name"]?.GetValue<string>() is not { } name) return false;
                if (cookie.ContainsKey("partitionKey") || cookie.ContainsKey("_crHasCrossSiteAncestor")) return false;
                cookies.Add(new Cookie
                {
                    Name = name,
                    Value = cookie["value"]?.GetValue<string>() ?? "",
                    Domain = cookie["domain"]?.GetValue<string>(),
                    Path = cookie["path"]?.GetValue<string>() ?? "/",
                    Expires = cookie["expires"] is JsonValue expires ? (float)expires.GetValue<double>() : null,
                    HttpOnly = cookie["httpOnly"]?.GetValue<bool>(),
                    Secure = cookie["secure"]?.GetValue<bool>(),
                    SameSite = cookie["sameSite"]?.GetValue<string>() switch
                    {
                        "Strict" => SameSiteAttribute.Strict,
                        "None" => SameSiteAttribute.None,
                        "Lax" => SameSiteAttribute.Lax,
                        null => null,
                        _ => throw new FormatException("unknown sameSite"),
                    },
                });
            }
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            cookies = [];
            return false;
        }
    }

    /// <summary>Writes each origin's items into localStorage through <paramref name="page"/>.</summary>
    public static async Task RestoreAsync(IPage page, IReadOnlyList<(string Origin, string[][] Items)> origins)
    {
        foreach (var (origin, items) in origins)
        {
            var url = origin.TrimEnd('/') + RestorePath;
            await page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/html",
                Body = "<!doctype html><title></title>",
            }));
            try
            {
                await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
                await page.EvaluateAsync("items => { for (const [name, value] of items) localStorage.setItem(name, value); }", items);
            }
            finally
            {
                await page.UnrouteAsync(url);
            }
        }
    }
}
