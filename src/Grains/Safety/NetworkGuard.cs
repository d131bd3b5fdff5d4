using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using RpaOrleans.Execution;

namespace RpaOrleans.Safety;

/// <summary>
/// Decides whether a URL may be loaded: scheme, the session's allowed domains (for documents),
/// and internal addresses (for everything), with a short DNS cache.
/// </summary>
public sealed class NetworkGuard(IOptions<NetworkOptions> options)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (bool Internal, DateTime Until)> _resolved = new(StringComparer.OrdinalIgnoreCase);

    public NetworkOptions Options => options.Value;

    /// <summary>Null when allowed, otherwise why not.</summary>
    public async Task<string?> CheckAsync(string url, bool isDocument, IReadOnlyList<string>? allowedDomains)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "not an absolute URL";
        if (uri.Scheme is "data" or "blob") return isDocument ? $"'{uri.Scheme}:' documents are not allowed" : null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != "ws" && uri.Scheme != "wss")
            return $"the '{uri.Scheme}:' scheme is not allowed";
        var host = uri.IdnHost.Trim('[', ']');
        if (isDocument && allowedDomains is { Count: > 0 } && !UrlPolicy.IsAllowedHost(host, allowedDomains))
            return $"'{host}' is not in the session's allowed domains";
        if (options.Value.BlockTrackers && TrackerHosts.IsTracker(host)) return $"'{host}' is a tracker";
        if (options.Value.AllowPrivateNetworks || IsExplicitlyAllowed(host)) return null;
        return await IsInternalAsync(host) ? $"'{host}' is an internal address (private, loopback or link-local)" : null;
    }

    private bool IsExplicitlyAllowed(string host) =>
        options.Value.AllowedHosts.Any(h => host.Equals(h.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task<bool> IsInternalAsync(string host)
    {
        if (IPAddress.TryParse(host, out var literal)) return AddressClassifier.IsInternal(literal);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        if (_resolved.TryGetValue(host, out var cached) && cached.Until > DateTime.UtcNow) return cached.Internal;
        bool isInternal;
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host);
            // A name resolving to any internal address is treated as internal (rebinding-style tricks).
            isInternal = addresses.Any(AddressClassifier.IsInternal);
        }
        catch (SocketException)
        {
            isInternal = false; // unresolvable: the browser will fail on its own
        }
        _resolved[host] = (isInternal, DateTime.UtcNow + CacheFor);
        return isInternal;
    }
}
