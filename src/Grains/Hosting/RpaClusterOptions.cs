using System.ComponentModel.DataAnnotations;

namespace RpaOrleans.Hosting;

/// <summary>
/// Cluster mode settings (section <c>Cluster</c>): where membership, grain state and history live,
/// this silo's endpoints, and how fast a dead silo is noticed.
/// </summary>
public sealed class RpaClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>Silos with the same ClusterId form one cluster; a fresh id starts an empty membership table.</summary>
    [Required]
    public string ClusterId { get; set; } = "rpa";

    /// <summary>Names the durable data (grain state, reminders); keep it across deployments.</summary>
    [Required]
    public string ServiceId { get; set; } = "rpa";

    /// <summary>StackExchange.Redis configuration string for membership.</summary>
    [Required]
    public string Redis { get; set; } = "localhost:6379";

    /// <summary>Npgsql connection string for grain state, stream pub/sub and reminders.</summary>
    [Required]
    public string Postgres { get; set; } = "Host=localhost;Username=postgres;Password=postgres;Database=postgres";

    /// <summary>MongoDB connection string for session history and artifacts.</summary>
    [Required]
    public string Mongo { get; set; } = "mongodb://localhost:27017";

    [Required]
    public string MongoDatabase { get; set; } = "rpa";

    /// <summary>Address other silos reach this one on; defaults to the first non-loopback IPv4 address.</summary>
    public string? AdvertisedIp { get; set; }

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>How long a silo waits for a probe answer before counting it as missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes before a silo votes another dead.</summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>
    /// Declare a silo dead within a fraction of a second when its process is certainly gone (its idle watch
    /// connection closed and its watch port refuses connections), instead of waiting for missed probes.
    /// </summary>
    public bool FastCrashDetection { get; set; } = true;

    /// <summary>The port this silo's crash watch listens on; 0 picks a free one (other silos learn it from the slot board).</summary>
    [Range(0, 65535)]
    public int CrashWatchPort { get; set; }

    /// <summary>Grain call timeout; a call to a dead silo fails after this instead of 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a silo crashes, the grain directory holds its grains' entries for this long (minus the
    /// failure-detection time) so a silo that is only partitioned away cannot end up with twins.
    /// Orleans' default is 30 s, which stalls every call to those grains; sessions are guarded by
    /// etag-checked state, so a few seconds is enough.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DirectoryLeaseDuration { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Apply db/postgres/*.sql on start (idempotent); turn off when an init step did it.</summary>
    public bool ApplySchema { get; set; } = true;
}
