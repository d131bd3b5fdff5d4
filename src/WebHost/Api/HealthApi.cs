using Microsoft.AspNetCore.Http.HttpResults;
using RpaOrleans.Browser;
using RpaOrleans.Hosting;
using RpaOrleans.WebHost.Realtime;

namespace RpaOrleans.WebHost.Api;

/// <summary><c>/healthz</c> (the process is alive) and <c>/readyz</c> (it can take work).</summary>
public static class HealthApi
{
    public sealed record Readiness(string Status, Dictionary<string, string> Checks, int BrowserSlots, int BrowserSlotsInUse);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().WithTags("Health").DisableRateLimiting();
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().WithTags("Health").DisableRateLimiting();
        return app;
    }

    private static async Task<Results<Ok<Readiness>, JsonHttpResult<Readiness>>> ReadyAsync(
        DependencyChecks dependencies, RelayReadiness relay, BrowserPool browsers, CancellationToken cancellationToken)
    {
        var checks = await dependencies.CheckAsync(cancellationToken);
        checks["events"] = relay.Ready ? "ok" : "not subscribed";
        var ready = checks.Values.All(v => v == "ok");
        var body = new Readiness(ready ? "ready" : "not ready", checks, browsers.Capacity, browsers.InUse);
        return ready ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
