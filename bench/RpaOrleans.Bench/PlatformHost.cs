using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RpaOrleans.Bench;

/// <summary>
/// The embedded platform (web host + silo + Chromium) as its own OS process, started the way
/// <c>./rpa up</c> starts it, with a fresh data directory and a bench API key without a rate limit.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    public const string ApiKey = "bench-key";
    private readonly Process _process;
    private readonly string _dataDirectory;

    private Dictionary<string, string> _environment = [];

    private PlatformHost(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    public int Pid => _process.Id;

    /// <summary>A setting the process was started with (environment variable name).</summary>
    public string Setting(string name) => _environment[name];

    public static async Task<PlatformHost> StartAsync(string webHostDll, int capacity, IDictionary<string, string>? settings = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "rpa-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [webHostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webHostDll)!,
        };
        var baseUrl = $"http://127.0.0.1:{port}";
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseUrl,
            ["Rpa__DataDirectory"] = data,
            ["Rpa__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Rpa__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Rpa__Demo"] = "false",
            ["Browser__Capacity"] = capacity.ToString(CultureInfo.InvariantCulture),
            ["Auth__ApiKeys__0__Key"] = ApiKey,
            ["Auth__ApiKeys__0__Name"] = "bench",
            ["Auth__ApiKeys__0__Tenant"] = "bench",
            ["Auth__ApiKeys__0__Role"] = "admin",
            ["Auth__ApiKeys__0__RequestsPerSecond"] = "100000",
        };
        // Plan sessions need no LLM; keep a developer's endpoint out of the measurement.
        info.Environment.Remove("OPENAI_BASE_URL");
        info.Environment.Remove("OPENAI_API_KEY");
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) env[k] = v;
        foreach (var (k, v) in env) info.Environment[k] = v;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the web host");
        var tail = new Queue<string>();
        // The whole output goes to a log file too (RPA_BENCH_LOGS, default /tmp/rpa-bench-logs), to explain outliers.
        var logs = Environment.GetEnvironmentVariable("RPA_BENCH_LOGS") ?? Path.Combine(Path.GetTempPath(), "rpa-bench-logs");
        Directory.CreateDirectory(logs);
        var logFile = new StreamWriter(Path.Combine(logs, $"{DateTime.UtcNow:HHmmss}-{Path.GetFileNameWithoutExtension(webHostDll)}-{port}.log")) { AutoFlush = true };
        void Keep(string? line)
        {
            if (line is null) return;
            lock (tail)
            {
                logFile.WriteLine(line);
                tail.Enqueue(line);
                if (tail.Count > 40) tail.Dequeue();
            }
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new PlatformHost(process, baseUrl, data) { _environment = env };
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                lock (tail) throw new InvalidOperationException($"The web host exited with {process.ExitCode}:\n{string.Join('\n', tail)}");
            }
            try
            {
                using var ready = await http.GetAsync("/readyz");
                if (ready.IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The web host did not get ready in 90 s.");
            await Task.Delay(200);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A machine lost: SIGKILL to the process and everything it started (driver, Chromium).</summary>
    public void Kill9()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM (what an orchestrator sends) and the time until the process has exited.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        if (_process.HasExited) return TimeSpan.Zero;
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return clock.Elapsed;
    }

    public double PssMiB() => ProcessTree.PssMiB(Pid);

    public double CpuSeconds() => ProcessTree.CpuSeconds(Pid);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
