using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace RpaOrleans.Hosting;

public static class ObservabilityExtensions
{
    /// <summary>Traces the session loop's activity source and Orleans calls.</summary>
    public const string SessionsActivitySource = "RpaOrleans.Sessions";

    /// <summary>
    /// OpenTelemetry for this process: traces of Orleans calls, ASP.NET Core and the session loop
    /// (exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), and metrics of Orleans,
    /// the runtime and <see cref="RpaMetrics"/> scraped by Prometheus at <c>/metrics</c>.
    /// </summary>
    public static IHostApplicationBuilder AddRpaObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RpaMetrics>();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RpaMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting");
                metrics.AddPrometheusExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(SessionsActivitySource, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                tracing.AddSource("Microsoft.AspNetCore", "System.Net.Http");
                if (otlp) tracing.AddOtlpExporter();
            });
        // Meters are matched by name across the whole process: a second host in it (the tests run several)
        // would show up in this one's /metrics too, as duplicate series. Ours and ASP.NET Core's come from this
        // host's IMeterFactory, so an instrument from another factory belongs to another host and is dropped.
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, provider) =>
        {
            var ours = services.GetRequiredService<IMeterFactory>();
            provider.AddView(instrument =>
                instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, ours) ? MetricStreamConfiguration.Drop : null);
        });
        return builder;
    }

    /// <summary>Prometheus text format at <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapRpaMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
