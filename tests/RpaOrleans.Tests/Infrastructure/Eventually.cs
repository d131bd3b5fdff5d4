using System.Collections;
using System.Diagnostics;
using System.Text.Json.Nodes;

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
            if (clock.Elapsed > timeout) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last value: {Describe(last)}");
            await Task.Delay(100);
            last = await probe();
        }
        if (clock.Elapsed > timeout / 2) NoteSlowWait(what, clock.Elapsed, timeout);
        return last;
    }

    /// <summary>
    /// The last value a timed-out wait saw, readable: sessions as id, status and steps; collections item by item;
    /// other JSON as JSON; clipped so one failure cannot flood the log.
    /// </summary>
    internal static string Describe(object? value)
    {
        var text = DescribeItem(value);
        return text.Length <= 4_000 ? text : text[..4_000] + " …";
    }

    private static string DescribeItem(object? value) => value switch
    {
        null => "null",
        string text => text,
        JsonObject session when session["status"] is JsonValue status && session["id"] is JsonValue id =>
            $"{id}: {status} after {session["stepCount"]} steps" +
            (session["recoveryCount"] is JsonValue r && r.ToJsonString() != "0" ? $", recovered {r}×" : "") +
            (session["error"] is JsonObject error ? $", error {error["code"]}" : ""),
        JsonNode node => node.ToJsonString(),
        IDictionary map => "{ " + string.Join("; ", map.Keys.Cast<object>().Select(k => map[k] is JsonObject o && o["id"] is not null ? DescribeItem(o) : $"{k}: {DescribeItem(map[k])}")) + " }",
        IEnumerable items => "[ " + string.Join("; ", items.Cast<object?>().Select(DescribeItem)) + " ]",
        _ => value.ToString() ?? "",
    };

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
