namespace RpaOrleans.Sessions;

/// <summary>Names of the stream provider and streams that carry <see cref="SessionEvent"/>s.</summary>
public static class SessionStreams
{
    public const string Provider = "rpa-events";
    public const string Namespace = "sessions";

    /// <summary>Every session publishes here; relays fan events out to their subscribers.</summary>
    public const string FleetKey = "fleet";
}
