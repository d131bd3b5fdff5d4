using System.Text.Json.Nodes;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Cluster;

/// <summary>Reading many sessions of a process cluster at once.</summary>
internal static class ClusterSessions
{
    public static async Task<List<string>> CreateAsync(ApiClient api, int count, Func<int, object> body)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add((await api.CreateAsync(body(i)))["id"]!.GetValue<string>());
        return ids;
    }

    public static async Task<Dictionary<string, JsonObject>> ReadAsync(ApiClient api, IEnumerable<string> ids)
    {
        var reads = await Task.WhenAll(ids.Select(async id => (id, session: await api.GetAsync(id))));
        return reads.ToDictionary(r => r.id, r => r.session);
    }

    public static string Status(JsonObject session) => session["status"]!.GetValue<string>();

    public static int Steps(JsonObject session) => session["stepCount"]!.GetValue<int>();

    public static int Recoveries(JsonObject session) => session["recoveryCount"]!.GetValue<int>();

    /// <summary>Slots in use per silo address, from the admin cluster view (browser silos only).</summary>
    public static Dictionary<string, (int InUse, int Slots)> Slots(JsonObject status) =>
        status["silos"]!.AsArray()
            .Where(s => s!["slots"]!.GetValue<int>() > 0)
            .ToDictionary(s => s!["address"]!.GetValue<string>(), s => (s!["slotsInUse"]!.GetValue<int>(), s["slots"]!.GetValue<int>()));
}
