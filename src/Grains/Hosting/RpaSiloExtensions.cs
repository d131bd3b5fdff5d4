using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Runtime.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using RpaOrleans.Browser;
using RpaOrleans.Capacity;
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
    /// Makes this process a silo: the agent's services, the session store, the events stream and,
    /// by <c>Rpa:Mode</c>, either localhost clustering over a SQLite file (embedded) or Redis
    /// membership with PostgreSQL state and MongoDB history (cluster). Browser capacity comes from
    /// <c>Browser:Capacity</c>; a web host in a cluster runs with 0.
    /// </summary>
    public static IHostApplicationBuilder AddRpaSilo(this IHostApplicationBuilder builder)
    {
        builder.AddRpaAgentServices();
        var rpa = builder.Configuration.GetSection(RpaOptions.Section).Get<RpaOptions>() ?? new RpaOptions();
        var cluster = builder.Configuration.GetSection(RpaClusterOptions.Section).Get<RpaClusterOptions>() ?? new RpaClusterOptions();
        builder.UseOrleans(silo =>
        {
            if (rpa.Mode == RpaMode.Cluster)
            {
                silo.UseRpaCluster(cluster);
            }
            else
            {
                silo.UseLocalhostClustering(rpa.SiloPort, rpa.GatewayPort);
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = "rpa-embedded";
                    o.ServiceId = "rpa";
                });
            }
            silo.AddRpaGrainProviders(rpa.Mode);
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
        var mode = (builder.Configuration.GetSection(RpaOptions.Section).Get<RpaOptions>() ?? new RpaOptions()).Mode;
        services.AddOptions<SecretOptions>().Bind(builder.Configuration.GetSection(SecretOptions.Section))
            // Every process of a cluster decrypts what another wrote (checkpoints, the vault): one key for all.
            .Validate(o => mode != RpaMode.Cluster || !string.IsNullOrWhiteSpace(o.MasterKey),
                "Cluster mode needs Secrets:MasterKey (base64 of 32 random bytes, the same on every silo and web host).")
            .ValidateOnStart();
        services.AddSingleton<DataProtector>();
        services.AddSingleton<DependencyChecks>();
        services.AddOptions<AdmissionOptions>().Bind(builder.Configuration.GetSection(AdmissionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        if (mode == RpaMode.Cluster)
        {
            services.AddOptions<RpaClusterOptions>().Bind(builder.Configuration.GetSection(RpaClusterOptions.Section))
                .ValidateDataAnnotations().ValidateOnStart();
            services.AddClusterStores();
            services.AddSingleton<ISecretVault, PostgresSecretVault>();
        }
        else
        {
            services.AddEmbeddedStores();
            services.AddSingleton<ISecretVault, SqliteSecretVault>();
        }
        services.AddHostedService<SessionRecoveryService>();
        services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        return builder;
    }

    /// <summary>
    /// The events stream, capacity-aware placement and admission, and (embedded mode) grain
    /// storage and reminders; cluster mode brings its own in <see cref="ClusterSiloExtensions.UseRpaCluster"/>.
    /// </summary>
    public static ISiloBuilder AddRpaGrainProviders(this ISiloBuilder silo, RpaMode mode = RpaMode.Embedded)
    {
        if (mode == RpaMode.Embedded) silo.UseRpaEmbeddedProviders();
        silo.AddMemoryStreams(SessionStreams.Provider, streams =>
        {
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(10)));
            // After a silo dies, read its queues again (now on a survivor) and redeliver within about a second.
            streams.ConfigureBackoffProvider((_, _) => (IQueueReaderBackoffProvider)new StreamRetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)));
            streams.ConfigureBackoffProvider((_, _) => (IMessageDeliveryBackoffProvider)new StreamRetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5)));
        });
        silo.AddRpaCapacity();
        silo.AddActivityPropagation();
        silo.AddDashboard();
        return silo;
    }

    /// <summary>JSON options shared by the REST API and the SignalR hub.</summary>
    public static void ConfigureRpaJson(System.Text.Json.JsonSerializerOptions options) => RpaJson.Configure(options);
}
