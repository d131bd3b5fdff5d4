using Microsoft.Extensions.Options;
using RpaOrleans.Hosting;

namespace RpaOrleans.Storage;

/// <summary>Artifacts as files under the data directory; the content type is kept in a sidecar.</summary>
public sealed class FileArtifactStore(IOptions<RpaOptions> options) : IArtifactStore
{
    private readonly string _root = Path.GetFullPath(Path.Combine(options.Value.DataDirectory, "artifacts"));

    public async Task SaveAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default)
    {
        var path = Resolve(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Write then rename so a reader never sees half a file.
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken);
        File.Move(temp, path, overwrite: true);
        await File.WriteAllTextAsync(path + ".type", contentType, cancellationToken);
    }

    public async Task<Artifact?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = Resolve(key);
        if (!File.Exists(path)) return null;
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var type = File.Exists(path + ".type")
            ? await File.ReadAllTextAsync(path + ".type", cancellationToken)
            : "application/octet-stream";
        return new Artifact(bytes, type);
    }

    private string Resolve(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        // Keys come from our own code, but never let one escape the artifact root.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Artifact key '{key}' escapes the artifact root.", nameof(key));
        return path;
    }
}
