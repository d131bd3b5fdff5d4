using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Orleans.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using RpaOrleans.Storage;
using RpaOrleans.Storage.Mongo;
using RpaOrleans.Storage.Postgres;

namespace RpaOrleans.Hosting;

/// <summary>
/// Cluster mode: Redis membership, grain state / stream pub-sub / reminders in PostgreSQL through
/// the Orleans ADO.NET providers (our own schema and queries, db/postgres), history and artifacts
/// in MongoDB, and a grain directory that survives a silo leaving.
/// </summary>
public static class ClusterSiloExtensions
{
    private const string PostgresInvariant = "Npgsql";

    public static IServiceCollection AddClusterStores(this IServiceCollection services)
    {
        services.AddSingleton<IMongoClient>(sp => new MongoClient(sp.GetRequiredService<IOptions<RpaClusterOptions>>().Value.Mongo));
        services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>()
            .GetDatabase(sp.GetRequiredService<IOptions<RpaClusterOptions>>().Value.MongoDatabase));
        services.AddSingleton<ISessionStore, MongoSessionStore>();
        services.AddSingleton<IArtifactStore, GridFsArtifactStore>();
        return services;
    }

    public static ISiloBuilder UseRpaCluster(this ISiloBuilder silo, RpaClusterOptions cluster)
    {
        silo.Services.AddSingleton<PostgresSchema>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<PostgresSchema>());

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.ConfigureEndpoints(AdvertisedAddress(cluster), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConfiguration(cluster.Redis));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            o.NumMissedProbesLimit = cluster.MissedProbesLimit;
        });
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = cluster.ResponseTimeout;
            o.SystemResponseTimeout = cluster.ResponseTimeout;
        });
#pragma warning disable ORLEANSEXP003 // The default directory deactivates activations on survivors when a silo leaves.
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.Configure<GrainDirectoryOptions>(o => o.RangeLeaseDuration = cluster.DirectoryLeaseDuration);

        foreach (var name in new[] { StorageNames.Sessions, StorageNames.PubSub })
        {
            silo.AddAdoNetGrainStorage(name, o => o.Configure<Serializer>((options, serializer) => Postgres(options, serializer, cluster)));
            // Registered after the provider's own, so this one is what grains and the silo lifecycle get.
            silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => new ResilientGrainStorage(
                AdoNetGrainStorageFactory.Create(sp, (string)key!), sp.GetRequiredService<ILogger<ResilientGrainStorage>>()));
        }
        silo.UseAdoNetReminderService(o => o.Configure(options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = cluster.Postgres;
        }));
        return silo;
    }

    private static void Postgres(AdoNetGrainStorageOptions options, Serializer serializer, RpaClusterOptions cluster)
    {
        options.Invariant = PostgresInvariant;
        options.ConnectionString = cluster.Postgres;
        // The Orleans binary format keeps the same version tolerance as the wire types.
        options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
    }

    public static StackExchange.Redis.ConfigurationOptions RedisConfiguration(string configuration)
    {
        var options = StackExchange.Redis.ConfigurationOptions.Parse(configuration);
        // Keep retrying while Redis restarts instead of failing the silo at start.
        options.AbortOnConnectFail = false;
        return options;
    }

    private static IPAddress AdvertisedAddress(RpaClusterOptions cluster)
    {
        if (!string.IsNullOrWhiteSpace(cluster.AdvertisedIp)) return IPAddress.Parse(cluster.AdvertisedIp);
        var addresses = Dns.GetHostAddresses(Dns.GetHostName());
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
    }
}
