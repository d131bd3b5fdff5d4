using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RpaOrleans.Browser;
using RpaOrleans.Storage;
using RpaOrleans.WebHost.Auth;

namespace RpaOrleans.WebHost.Api;

/// <summary>Small reads for the dashboard: the fleet's numbers and who the caller is.</summary>
public static class StatsApi
{
    private const int Minutes = 60;

    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Fleet").RequireAuthorization(Policies.Read);
        group.MapGet("/stats", GetStatsAsync).WithSummary("Sessions by status, queue depth, browser capacity and throughput.");
        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new CallerResource(
                user.Actor(), user.TenantId(), user.FindFirstValue(ClaimTypes.Role) ?? "",
                user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator))))
            .WithSummary("The API key's name, tenant and role.");
        return app;
    }

    private static async Task<Ok<FleetStatsResource>> GetStatsAsync(
        ClaimsPrincipal user, ISessionStore store, BrowserPool browsers, CancellationToken cancellationToken)
    {
        var tenant = user.TenantId();
        var now = DateTimeOffset.UtcNow;
        var counts = await store.CountByStatusAsync(tenant, cancellationToken);
        var since = now.AddMinutes(-Minutes);
        var ends = await store.ListEndTimesAsync(tenant, since, cancellationToken);

        var perMinute = new int[Minutes];
        foreach (var end in ends)
        {
            var bucket = (int)Math.Floor((end - since).TotalMinutes);
            perMinute[Math.Clamp(bucket, 0, Minutes - 1)]++;
        }
        var byName = Enum.GetValues<SessionStatus>().ToDictionary(
            s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()), s => counts.GetValueOrDefault(s));
        int Count(SessionStatus s) => counts.GetValueOrDefault(s);
        var active = Count(SessionStatus.Starting) + Count(SessionStatus.Running) + Count(SessionStatus.Paused);
        return TypedResults.Ok(new FleetStatsResource(
            now, byName, active, Count(SessionStatus.Queued), browsers.Capacity, browsers.InUse, perMinute, ends.Count));
    }
}
