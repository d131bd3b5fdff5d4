namespace RpaOrleans.Hosting;

public enum RpaMode
{
    Embedded,
    Cluster,
}

/// <summary>Top-level settings (section <c>Rpa</c>).</summary>
public sealed class RpaOptions
{
    public const string Section = "Rpa";

    public RpaMode Mode { get; set; } = RpaMode.Embedded;

    /// <summary>Where the embedded mode keeps its SQLite file and artifacts.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Silo-to-silo port of the embedded silo (localhost clustering).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port of the embedded silo.</summary>
    public int GatewayPort { get; set; } = 30000;
}
