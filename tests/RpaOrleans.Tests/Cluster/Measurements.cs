using Xunit.Abstractions;

namespace RpaOrleans.Tests.Cluster;

/// <summary>
/// Numbers the cluster tests measure: in the test output, and appended to the file named by
/// <c>RPA_MEASUREMENTS</c> (./rpa prints it after the run).
/// </summary>
internal static class Measurements
{
    private static readonly Lock Gate = new();

    public static void Report(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("RPA_MEASUREMENTS") is not { Length: > 0 } path) return;
        lock (Gate) File.AppendAllText(path, $"[cluster] {line}{Environment.NewLine}");
    }
}
