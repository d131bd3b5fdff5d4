using MongoDB.Driver;
using RpaOrleans.Storage;
using RpaOrleans.Storage.Mongo;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Storage;

/// <summary>The store contract against MongoDB (a real one via RPA_TEST_MONGO_URI, else the stand-in).</summary>
public sealed class MongoStoreTests : SessionStoreContract
{
    protected override async Task<ISessionStore> CreateStoreAsync()
    {
        var store = new MongoSessionStore(MongoTestDatabase.Create());
        await store.InitializeAsync();
        return store;
    }
}

/// <summary>The artifact contract against GridFS.</summary>
public sealed class GridFsArtifactStoreTests : ArtifactStoreContract
{
    protected override Task<IArtifactStore> CreateArtifactsAsync() =>
        Task.FromResult<IArtifactStore>(new GridFsArtifactStore(MongoTestDatabase.Create()));
}

internal static class MongoTestDatabase
{
    private static readonly Lazy<MongoClient> Client = new(() => new MongoClient(ClusterServices.Mongo));

    /// <summary>A fresh database per test, so tests never see each other's documents.</summary>
    public static IMongoDatabase Create() => Client.Value.GetDatabase("rpa_test_" + Guid.NewGuid().ToString("N")[..12]);
}
