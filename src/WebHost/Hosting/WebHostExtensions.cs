using System.Threading.RateLimiting;
using Orleans.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using RpaOrleans.Hosting;
using RpaOrleans.WebHost.Api;
using RpaOrleans.WebHost.Auth;
using RpaOrleans.WebHost.Demo;
using RpaOrleans.WebHost.Realtime;

namespace RpaOrleans.WebHost.Hosting;

public static class WebHostExtensions
{
    private const string CorsPolicy = "rpa";

    /// <summary>The web host: a silo (embedded mode) plus REST, the SignalR hub and static files.</summary>
    public static WebApplicationBuilder AddRpaWebHost(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["ASPNETCORE_URLS"] is null && builder.Configuration["urls"] is null)
            builder.WebHost.UseUrls("http://127.0.0.1:5080");

        builder.AddRpaSilo();
        builder.AddRpaObservability();
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiKeyOptions>().Bind(builder.Configuration.GetSection(ApiKeyOptions.Section))
            .Validate(o => o.ApiKeys.All(k => Roles.IsKnown(k.Role)), "Every API key's role must be admin, operator or viewer.")
            .ValidateOnStart();
        services.AddSingleton<ApiKeyRegistry>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.Admin, Roles.Operator))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => RpaSiloExtensions.ConfigureRpaJson(o.SerializerOptions));
        services.AddOpenApi();
        services.AddSignalR().AddJsonProtocol(o => RpaSiloExtensions.ConfigureRpaJson(o.PayloadSerializerOptions));
        services.AddSingleton<RelayReadiness>();
        services.AddHostedService<SessionEventRelay>();
        services.AddHostedService<QueueDepthSampler>();
        services.AddHostedService<DemoRunner>();

        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            if (api.CorsOrigins.Count > 0) p.WithOrigins([.. api.CorsOrigins]).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
        }));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var keyName = http.User.Identity?.IsAuthenticated == true ? "key:" + http.User.Actor() : "ip:" + http.Connection.RemoteIpAddress;
                var perSecond = http.User.Identity?.IsAuthenticated == true
                    ? http.RequestServices.GetRequiredService<ApiKeyRegistry>().Find(ApiKeyAuthenticationHandler.PresentedKey(http.Request) ?? "")?.RequestsPerSecond ?? api.RequestsPerSecond
                    : api.RequestsPerSecond;
                return RateLimitPartition.GetTokenBucketLimiter(keyName, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond * 2,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: 429, title: "Too many requests",
                    detail: $"This API key is over its rate limit; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication MapRpaWebHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseDashboard();
        app.UseCors(CorsPolicy);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOrleansDashboardSignIn();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthApi();
        app.MapSessionsApi();
        app.MapSecretsApi();
        app.MapAuditApi();
        app.MapStatsApi();
        app.MapClusterApi();
        app.MapRpaMetrics();
        // Orleans' own dashboard (grains, silos, call rates), for admins only.
        app.MapOrleansDashboard(ApiKeyAuthenticationHandler.OrleansDashboardPath).RequireAuthorization(Policies.Admin);
        app.MapHub<SessionsHub>("/hubs/sessions");

        var generated = app.Services.GetRequiredService<ApiKeyRegistry>().Generated;
        if (generated is not null)
            Console.WriteLine($"No API key configured; generated one for this run: {generated}");
        return app;
    }
}
