using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using RpaOrleans.Storage;

namespace RpaOrleans.Hosting;

/// <summary>Embedded mode: one process, localhost clustering, SQLite for state and history, files for artifacts.</summary>
public static class EmbeddedSiloExtensions
{
    public static IServiceCollection AddEmbeddedStores(this IServiceCollection services)
    {
        services.AddSingleton<ISessionStore, SqliteSessionStore>();
        services.AddSingleton<IArtifactStore, FileArtifactStore>();
        return services;
    }

    /// <summary>Grain state in the SQLite file; stream pub/sub and reminders in memory.</summary>
    public static ISiloBuilder UseRpaEmbeddedProviders(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(StorageNames.Sessions, (sp, name) =>
            new SqliteGrainStorage(name, sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<Serializer>()));
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.UseInMemoryReminderService();
        return silo;
    }
}
