using RpaOrleans.Browser;
using RpaOrleans.Hosting;

namespace RpaOrleans.Silo.Hosting;

/// <summary>
/// A headless silo with browser capacity. Its only HTTP endpoints are health, readiness and
/// metrics, on the port in <c>ASPNETCORE_URLS</c> (default 127.0.0.1:8081).
/// </summary>
public static class SiloProcessExtensions
{
    public static WebApplicationBuilder AddRpaSiloProcess(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["ASPNETCORE_URLS"] is null && builder.Configuration["urls"] is null)
            builder.WebHost.UseUrls("http://127.0.0.1:8081");
        builder.AddRpaSilo();
        builder.AddRpaObservability();
        return builder;
    }

    public static WebApplication MapRpaSiloProcess(this WebApplication app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
        app.MapGet("/readyz", async (DependencyChecks dependencies, BrowserPool browsers, CancellationToken cancellationToken) =>
        {
            var checks = await dependencies.CheckAsync(cancellationToken);
            var ready = checks.Values.All(v => v == "ok");
            var body = new { status = ready ? "ready" : "not ready", checks, browserSlots = browsers.Capacity, browserSlotsInUse = browsers.InUse };
            return ready ? Microsoft.AspNetCore.Http.Results.Ok(body) : Microsoft.AspNetCore.Http.Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapRpaMetrics();
        return app;
    }
}
