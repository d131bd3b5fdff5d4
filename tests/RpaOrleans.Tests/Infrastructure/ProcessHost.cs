using System.Diagnostics;
using System.Text;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>The web host as a separate OS process, for restart and crash tests.</summary>
public sealed class ProcessHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ProcessHost(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<ProcessHost> StartAsync(string dataDirectory, int httpPort, int siloPort, int gatewayPort)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "RpaOrleans.WebHost.dll");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var baseUrl = $"http://127.0.0.1:{httpPort}";
        info.Environment["ASPNETCORE_URLS"] = baseUrl;
        info.Environment["Rpa__DataDirectory"] = dataDirectory;
        info.Environment["Rpa__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Rpa__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Rpa__Demo"] = "false";
        foreach (var (key, value) in TestKeys.Configuration()) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the web host");
        var host = new ProcessHost(process, baseUrl);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (host._output) host._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (host._output) host._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The web host exited with {process.ExitCode}:\n{host.Output}");
            try
            {
                using var ready = await http.GetAsync("/readyz");
                if (ready.IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The web host did not get ready:\n{host.Output}");
            await Task.Delay(200);
        }
    }

    public ApiClient Client(string key = TestKeys.Admin) => new(BaseUrl, key);

    /// <summary>Ends the process and its browsers at once, like a power cut: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
