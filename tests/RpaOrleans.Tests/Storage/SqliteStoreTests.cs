using Microsoft.Extensions.Options;
using RpaOrleans.Hosting;
using RpaOrleans.Storage;

namespace RpaOrleans.Tests.Storage;

/// <summary>The store contract against the embedded SQLite store.</summary>
public sealed class SqliteStoreTests : SessionStoreContract
{
    private readonly IOptions<RpaOptions> _options = Options.Create(new RpaOptions
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "rpa-tests", Guid.NewGuid().ToString("N")),
    });

    protected override Task<ISessionStore> CreateStoreAsync() =>
        Task.FromResult<ISessionStore>(new SqliteSessionStore(new SqliteDatabase(_options)));
}

/// <summary>The artifact contract against the embedded file store.</summary>
public sealed class FileArtifactStoreTests : ArtifactStoreContract
{
    protected override Task<IArtifactStore> CreateArtifactsAsync() =>
        Task.FromResult<IArtifactStore>(new FileArtifactStore(Options.Create(new RpaOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "rpa-tests", Guid.NewGuid().ToString("N")),
        })));
}
