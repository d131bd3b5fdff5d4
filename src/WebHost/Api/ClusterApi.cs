using Microsoft.AspNetCore.Http.HttpResults;
using RpaOrleans.Capacity;
using RpaOrleans.Hosting;
using RpaOrleans.WebHost.Auth;

namespace RpaOrleans.WebHost.Api;

/// <summary><c>GET /api/v1/cluster</c> (admins): silos with their browser slots, and the admission queue per tenant.</summary>
public static class ClusterApi
{
    public sealed record SiloResource(string Address, string Status, int Slots, int SlotsInUse, bool Draining);

    public sealed record ClusterResource(
        IReadOnlyList<SiloResource> Silos,
        int Slots,
        int SlotsInUse,
        int Capacity,
        IReadOnlyDictionary<string, int> QueuedByTenant,
        IReadOnlyDictionary<string, int> AdmittedByTenant,
        int QueueDepth);

    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/cluster", GetAsync).WithTags("Cluster").RequireAuthorization(Policies.Admin)
            .WithSummary("Silos, browser slots in use and total, queue depth per tenant.");
        return app;
    }

    private static async Task<Ok<ClusterResource>> GetAsync(IGrainFactory grains, IClusterMembershipService membership, RpaMetrics metrics)
    {
        var board = await grains.GetGrain<ISlotBoardGrain>(AdmissionKeys.Board).GetAsync();
        var admission = await grains.GetGrain<IAdmissionGrain>(AdmissionKeys.Cluster).GetSnapshotAsync();
        metrics.QueuedByTenant = admission.QueuedByTenant;
        var members = membership.CurrentSnapshot.Members;
        var silos = board.Select(s => new SiloResource(
                s.Silo.ToParsableString(),
                members.TryGetValue(s.Silo, out var member) ? member.Status.ToString().ToLowerInvariant() : "unknown",
                s.Capacity, s.InUse, s.Draining))
            .ToList();
        return TypedResults.Ok(new ClusterResource(
            silos, board.Sum(s => s.Capacity), board.Sum(s => s.InUse), admission.Capacity,
            admission.QueuedByTenant, admission.AdmittedByTenant, admission.QueuedByTenant.Values.Sum()));
    }
}
