using RpaOrleans.Storage;

namespace RpaOrleans.Tests.Storage;

/// <summary>What every <see cref="IArtifactStore"/> must do (files in embedded mode, GridFS in cluster mode).</summary>
public abstract class ArtifactStoreContract
{
    protected abstract Task<IArtifactStore> CreateArtifactsAsync();

    [Fact]
    public async Task SavedArtifact_IsReadBack_AndSavingAgainReplacesIt()
    {
        var artifacts = await CreateArtifactsAsync();
        var key = $"sessions/{Guid.NewGuid():N}/steps/0000.jpg";
        Assert.Null(await artifacts.GetAsync(key));

        var first = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 251)).ToArray();
        await artifacts.SaveAsync(key, first, "image/jpeg");
        var read = await artifacts.GetAsync(key);
        Assert.Equal("image/jpeg", read!.ContentType);
        Assert.Equal(first, read.Content);

        await artifacts.SaveAsync(key, new byte[] { 1, 2, 3 }, "image/png");
        var replaced = await artifacts.GetAsync(key);
        Assert.Equal([1, 2, 3], replaced!.Content);
        Assert.Equal("image/png", replaced.ContentType);
    }
}
