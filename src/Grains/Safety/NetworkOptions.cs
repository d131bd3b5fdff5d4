namespace RpaOrleans.Safety;

/// <summary>Section <c>Network</c>: what browsers may reach, on top of each session's allowed domains.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Lets sessions reach private, loopback and link-local addresses. Off by default.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Hosts reachable even though they resolve to private addresses (the bundled demo site, test servers).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Playwright resource types never loaded, e.g. <c>media</c>, <c>font</c>, <c>image</c>.</summary>
    public List<string> BlockResourceTypes { get; set; } = [];

    /// <summary>Drops requests to well-known ad and tracking hosts.</summary>
    public bool BlockTrackers { get; set; }

    public bool AllowDownloads { get; set; } = true;
}
