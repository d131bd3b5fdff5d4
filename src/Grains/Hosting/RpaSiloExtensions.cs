using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using RpaOrleans.Browser;
using RpaOrleans.Execution;
using RpaOrleans.Notifications;
using RpaOrleans.Observation;
using RpaOrleans.Planning;
using RpaOrleans.Safety;
using RpaOrleans.Secrets;
using RpaOrleans.Serialization;
using RpaOrleans.Sessions;
using RpaOrleans.Storage;

namespace RpaOrleans.Hosting;

public static class RpaSiloExtensions
{
    /// <summary>
    /// Makes this process a silo with browser capacity: the agent's services, the session store,
    /// the events stream and (embedded mode) localhost clustering over a SQLite file.
    /// </summary>
    public static IHostApplicationBuilder AddRpaSilo(this IHostApplicationBuilder builder)
    {
        builder.AddRpaAgentServices();
        var rpa = builder.Configuration.GetSection(RpaOptions.Section).Get<RpaOptions>() ?? new RpaOptions();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(rpa.SiloPort, rpa.GatewayPort);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = "rpa-embedded";
                o.ServiceId = "rpa";
            });
            silo.AddRpaGrainProviders();
        });
        return builder;
    }

    /// <summary>The services a silo's grains use: browser pool, observer, executor, planners, stores.</summary>
    public static IHostApplicationBuilder AddRpaAgentServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RpaOptions>().Bind(builder.Configuration.GetSection(RpaOptions.Section)).ValidateOnStart();
        services.AddOptions<BrowserOptions>().Bind(builder.Configuration.GetSection(BrowserOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LlmOptions>().Bind(builder.Configuration.GetSection(LlmOptions.Section))
            .PostConfigure(o => o.ApplyEnvironmentDefaults())
            .ValidateDataAnnotations()
            .Validate(o => o.Endpoint is null || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "Llm:Endpoint must be an absolute URL.")
            .ValidateOnStart();

        services.AddOptions<NetworkOptions>().Bind(builder.Configuration.GetSection(NetworkOptions.Section));
        services.AddSingleton<NetworkGuard>();
        services.AddSingleton<BrowserPool>();
        services.AddSingleton<PageObserver>();
        services.AddOptions<ObservationOptions>().Bind(builder.Configuration.GetSection(ObservationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ObservationFormatter>();
        services.AddSingleton<ActionExecutor>();
        services.AddSingleton<PlanPlanner>();
        services.AddSingleton<LlmPlanner>();
        services.AddSingleton<ChatClientFactory>();
        services.AddSingleton<TenantLlmGate>();
        services.AddSingleton<LlmActionClient>();
        services.AddSingleton<PlanHealer>();
        services.AddSingleton<AgentRoles>();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<ISessionStore, SqliteSessionStore>();
        services.AddSingleton<IArtifactStore, FileArtifactStore>();
        services.AddOptions<SecretOptions>().Bind(builder.Configuration.GetSection(SecretOptions.Section));
        services.AddSingleton<DataProtector>();
        services.AddSingleton<ISecretVault, SqliteSecretVault>();
        services.AddHostedService<SessionRecoveryService>();
        services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        return builder;
    }

    /// <summary>Grain storage, the events stream and reminders of the embedded mode.</summary>
    public static ISiloBuilder AddRpaGrainProviders(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(StorageNames.Sessions, (sp, name) =>
            new SqliteGrainStorage(name, sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<Serializer>()));
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.AddMemoryStreams(SessionStreams.Provider, streams =>
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(10))));
        silo.UseInMemoryReminderService();
        return silo;
    }

    /// <summary>JSON options shared by the REST API and the SignalR hub.</summary>
    public static void ConfigureRpaJson(System.Text.Json.JsonSerializerOptions options) => RpaJson.Configure(options);
}
