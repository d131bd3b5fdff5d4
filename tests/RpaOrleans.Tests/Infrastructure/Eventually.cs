using System.Diagnostics;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>Polls a condition until a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    private static readonly Lock Gate = new();

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        T last = await probe();
        while (!done(last))
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last value: {last}");
            await Task.Delay(100);
            last = await probe();
        }
        if (clock.Elapsed > timeout / 2) NoteSlowWait(what, clock.Elapsed, timeout);
        return last;
    }

    /// <summary>
    /// A wait that used more than half its allowance passed, but is the next flaky test: it is listed with the
    /// run's measurements (RPA_MEASUREMENTS, printed by ./rpa test) so a margin shrinking shows before it fails.
    /// </summary>
    private static void NoteSlowWait(string what, TimeSpan took, TimeSpan timeout)
    {
        if (Environment.GetEnvironmentVariable("RPA_MEASUREMENTS") is not { Length: > 0 } path) return;
        lock (Gate) File.AppendAllText(path, $"[slow wait] {what}: {took.TotalSeconds:0.0} s of the {timeout.TotalSeconds:0} s allowed{Environment.NewLine}");
    }
}
