using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>
/// A loopback server for network-policy tests: redirects on demand, serves a page that embeds an
/// image from anywhere, and counts every request it receives (so a test can prove one never arrived).
/// </summary>
public sealed class ProbeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<string> Hits { get; } = new();

    public int Port { get; private set; }

    private ProbeServer(WebApplication app) => _app = app;

    public static async Task<ProbeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ProbeServer(app);
        app.Use(async (context, next) =>
        {
            server.Hits.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        app.MapGet("/redirect", (string to) => HttpResults.Redirect(to));
        app.MapGet("/page", (string img) => HttpResults.Content(
            $"<!doctype html><title>Probe</title><h1>Probe page</h1><img alt=\"probe\" src=\"{System.Net.WebUtility.HtmlEncode(img)}\">", "text/html"));
        app.MapGet("/target", () => HttpResults.Content("<!doctype html><title>Target</title><h1>Target reached</h1>", "text/html"));
        app.MapGet("/pixel.png", () => HttpResults.Bytes(Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), "image/png"));
        await app.StartAsync();
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
