using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RpaOrleans.WebHost.Hosting;

namespace RpaOrleans.Tests.Infrastructure;

/// <summary>The real web host (silo, REST, hub, Chromium) on a free loopback port with its own data directory.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, string baseUrl, string dataDirectory)
    {
        _app = app;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestHost> StartAsync(IDictionary<string, string?>? settings = null, string? dataDirectory = null, CapturedLogs? logs = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "rpa-tests", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        var config = TestKeys.Configuration();
        config["Rpa:DataDirectory"] = dataDirectory;
        config["Rpa:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        config["Rpa:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        config["urls"] = "http://127.0.0.1:0";
        config["Browser:Capacity"] = "4";
        config["Llm:Endpoint"] = null;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        if (logs is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
            builder.Logging.AddFilter<CapturedLogs>("Orleans", LogLevel.Information);
            builder.Logging.AddProvider(logs);
        }
        builder.AddRpaWebHost();
        var app = builder.Build();
        app.MapRpaWebHost();
        await app.StartAsync();
        var url = app.Urls.First(u => u.StartsWith("http://127.0.0.1", StringComparison.Ordinal));
        return new TestHost(app, url, dataDirectory);
    }

    public ApiClient Client(string key = TestKeys.Admin) => new(BaseUrl, key);

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
