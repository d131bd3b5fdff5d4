using System.Globalization;
using System.Text.Json.Nodes;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>
/// A cluster of real processes: one web host (a silo with no browsers) and any number of
/// <c>src/Silo</c> processes, on Redis, PostgreSQL and MongoDB, with a fresh ClusterId and Mongo
/// database per instance. Failure detection is tuned for loopback (1 s probes).
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly List<NodeProcess> _nodes = [];
    private readonly Dictionary<NodeProcess, int> _siloPorts = [];
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _masterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private int _siloCount;
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    private ProcessCluster(string logDirectory) => LogDirectory = logDirectory;

    public string LogDirectory { get; }

    public NodeProcess WebHost { get; private set; } = null!;

    public IReadOnlyList<NodeProcess> Silos => _nodes.Where(n => n != WebHost).ToList();

    public ApiClient Client() => new(WebHost.Url, TestKeys.Admin);

    /// <summary>Every process of the cluster (web host and silos) except <paramref name="node"/>.</summary>
    public IReadOnlyList<NodeProcess> OthersThan(NodeProcess node) => _nodes.Where(n => n != node).ToList();

    public static Task<ProcessCluster> StartAsync(params int[] siloCapacities) => StartAsync(new Dictionary<string, string>(), siloCapacities);

    /// <summary>A web host and silos with these browser slots, every process with <paramref name="settings"/> (environment names) on top.</summary>
    public static async Task<ProcessCluster> StartAsync(IReadOnlyDictionary<string, string> settings, params int[] siloCapacities)
    {
        var cluster = new ProcessCluster(Path.Combine(Path.GetTempPath(), "rpa-cluster-tests", DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6]))
        {
            _settings = settings,
        };
        try
        {
            cluster.WebHost = cluster.Launch("webhost", RepoPaths.WebHostDll, 0, TestKeys.Configuration().ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value ?? ""));
            foreach (var capacity in siloCapacities) cluster.StartSilo(capacity);
            await Task.WhenAll(cluster._nodes.Select(n => n.WaitReadyAsync(TimeSpan.FromSeconds(90))));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo process with this many browser slots (not waiting for it).</summary>
    public NodeProcess StartSilo(int capacity) =>
        Launch($"silo{++_siloCount}", RepoPaths.SiloDll, capacity, new Dictionary<string, string>());

    public async Task<NodeProcess> AddSiloAsync(int capacity)
    {
        var silo = StartSilo(capacity);
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return silo;
    }

    private NodeProcess Launch(string name, string dll, int capacity, Dictionary<string, string> extra)
    {
        var siloPort = FreePort.Next();
        var environment = new Dictionary<string, string>(extra)
        {
            ["Rpa__Mode"] = "Cluster",
            ["Cluster__ClusterId"] = _clusterId,
            ["Cluster__ServiceId"] = _clusterId,
            ["Cluster__Redis"] = ClusterServices.Redis,
            ["Cluster__Postgres"] = ClusterServices.Postgres,
            ["Cluster__Mongo"] = ClusterServices.Mongo,
            ["Cluster__MongoDatabase"] = "rpa_" + _clusterId.Replace("-", "_", StringComparison.Ordinal),
            ["Cluster__AdvertisedIp"] = "127.0.0.1",
            ["Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster__ProbeTimeout"] = "00:00:01",
            ["Cluster__MissedProbesLimit"] = "2",
            ["Cluster__ResponseTimeout"] = "00:00:05",
            // With 1 s probes a crash is detected in ~2 s; no extra directory hold on top of that.
            ["Cluster__DirectoryLeaseDuration"] = "00:00:02",
            ["Browser__Capacity"] = capacity.ToString(CultureInfo.InvariantCulture),
            // One key for the whole cluster, and nothing shared on disk: each process has its own data folder.
            ["Secrets__MasterKey"] = _masterKey,
            ["Rpa__DataDirectory"] = Path.Combine(LogDirectory, name + "-data"),
            ["Api__RequestsPerSecond"] = "5000",
            ["Rpa__Demo"] = "false",
            ["Network__AllowedHosts__0"] = "127.0.0.1",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Polly"] = "Warning",
            ["Logging__LogLevel__Orleans"] = "Warning",
        };
        foreach (var (key, value) in _settings) environment[key] = value;
        var node = NodeProcess.Start(name, dll, LogDirectory, environment);
        _nodes.Add(node);
        _siloPorts[node] = siloPort;
        return node;
    }

    /// <summary>The silo address prefix (host:port) the cluster view shows for a process.</summary>
    public string AddressOf(NodeProcess node) => $"127.0.0.1:{_siloPorts[node]}@";

    /// <summary>The admin view of the cluster (silos, slots, queue).</summary>
    public async Task<JsonObject> StatusAsync()
    {
        using var api = Client();
        var body = await api.Http.GetStringAsync("/api/v1/cluster");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The log tails of every process, for a failure message.</summary>
    public string Logs() => string.Join("\n", _nodes.Select(n => $"==== {n.Name} ({n.LogPath})\n{n.Tail(25)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
    }
}
