using System.Diagnostics;
using System.Text;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>
/// One silo or web host as a separate OS process (<c>dotnet X.dll</c>), with its output kept in a
/// log file. Killed on dispose and when the test run exits, so a failing test leaves nothing behind.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly List<NodeProcess> Running = [];
    private readonly Process _process;
    private readonly StreamWriter _log;

    static NodeProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Running) foreach (var node in Running.ToList()) node.KillNow();
        };
    }

    private NodeProcess(string name, Process process, StreamWriter log, string url, string logPath)
    {
        Name = name;
        _process = process;
        _log = log;
        Url = url;
        LogPath = logPath;
    }

    public string Name { get; }

    /// <summary>The process's HTTP address (health, readiness, metrics; the API on the web host).</summary>
    public string Url { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static NodeProcess Start(string name, string dll, string logDirectory, IDictionary<string, string> environment)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, name + ".log");
        var log = new StreamWriter(logPath, append: true, Encoding.UTF8) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(name, process, log, url, logPath);
        lock (Running) Running.Add(node);
        return node;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try { log.WriteLine(line); } catch (ObjectDisposedException) { }
        }
    }

    /// <summary>Waits until <c>/readyz</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {LogPath}:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync($"{Url}/readyz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} not ready after {timeout.TotalSeconds:0} s; see {LogPath}:\n{Tail()}");
            await Task.Delay(200);
        }
    }

    /// <summary>kill -9: no shutdown code runs in the process.</summary>
    public void Kill9()
    {
        if (!_process.HasExited) _ = SysKill(_process.Id, 9);
        _process.WaitForExit(10_000);
    }

    /// <summary>kill -TERM and wait for the process to exit (a graceful shutdown).</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        _ = SysKill(_process.Id, 15);
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    public string Tail(int lines = 40) => string.Join('\n', LogText().Split('\n').TakeLast(lines));

    /// <summary>Everything the process wrote so far (read while the test still writes to the file).</summary>
    public string LogText()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private void KillNow()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        KillNow();
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }
        lock (Running) Running.Remove(this);
        lock (_log) _log.Dispose();
        _process.Dispose();
    }

    private static int SysKill(int pid, int signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
