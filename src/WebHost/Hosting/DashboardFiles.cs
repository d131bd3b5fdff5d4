using Microsoft.Extensions.FileProviders;

namespace RpaOrleans.WebHost.Hosting;

/// <summary>
/// Serves the exported dashboard (web/out, copied into the output as <c>dashboard/</c>) at <c>/</c>.
/// Its pages are plain files (<c>/history/index.html</c>); a page asked for without its trailing
/// slash is served too, and any other path outside the API and the demo gets the export's 404 page. Without a
/// build (no npm on the machine) the host still runs and <c>/</c> says how to build it.
/// </summary>
public static class DashboardFiles
{
    private static readonly string[] Reserved = ["/api", "/hubs", "/openapi", "/demo", "/healthz", "/readyz"];

    public static WebApplication UseDashboard(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, "dashboard");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.MapGet("/", () => TypedResults.Content(Placeholder, "text/html")).AllowAnonymous().ExcludeFromDescription();
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Hashed bundles never change; pages must be fetched fresh so a new build shows at once.
                context.Context.Response.Headers.CacheControl =
                    context.Context.Request.Path.StartsWithSegments("/_next/static") ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        // Runs after routing found no endpoint (the API's own fallback answers unknown /api paths).
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (context.GetEndpoint() is not null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                || Reserved.Any(r => path.StartsWith(r, StringComparison.OrdinalIgnoreCase)) || path.Contains("..", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }
            var page = files.GetFileInfo(path.TrimEnd('/') + "/index.html");
            if (!page.Exists)
            {
                page = files.GetFileInfo("404.html");
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            if (!page.Exists)
            {
                await next(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(page, context.RequestAborted);
        });
        return app;
    }

    private const string Placeholder = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>RpaOrleans</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5"><main>
        <h1>RpaOrleans</h1>
        <p>The platform is running, but the dashboard was not built (it needs Node.js and npm: <code>./rpa up</code> builds it).
        Meanwhile use the REST API (<a href="/openapi/v1.json">OpenAPI document</a>) and the SignalR hub at <code>/hubs/sessions</code>.</p>
        <p>The bundled demo shop is at <a href="/demo/">/demo/</a>.</p>
        </main></body></html>
        """;
}
