namespace RpaOrleans.Storage;

/// <summary>Binary artifacts (screenshots, downloads) addressed by a relative key.</summary>
public interface IArtifactStore
{
    Task SaveAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The artifact's bytes and content type, or null when there is none.</summary>
    Task<Artifact?> GetAsync(string key, CancellationToken cancellationToken = default);
}
