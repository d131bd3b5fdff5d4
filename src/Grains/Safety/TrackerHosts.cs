namespace RpaOrleans.Safety;

/// <summary>A short list of ad and tracking hosts; enough to cut the usual weight of commercial pages.</summary>
public static class TrackerHosts
{
    private static readonly string[] Domains =
    [
        "doubleclick.net", "googlesyndication.com", "google-analytics.com", "googletagmanager.com",
        "googleadservices.com", "adservice.google.com", "facebook.net", "connect.facebook.net",
        "scorecardresearch.com", "hotjar.com", "segment.io", "segment.com", "mixpanel.com", "amplitude.com",
        "criteo.com", "taboola.com", "outbrain.com", "adnxs.com", "quantserve.com", "newrelic.com", "nr-data.net",
    ];

    public static bool IsTracker(string host) =>
        Domains.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
}
