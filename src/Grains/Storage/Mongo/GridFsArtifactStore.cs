using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace RpaOrleans.Storage.Mongo;

/// <summary>Screenshots and other artifacts in GridFS, one file per key; the newest upload of a key wins.</summary>
public sealed class GridFsArtifactStore(IMongoDatabase database) : IArtifactStore
{
    private readonly GridFSBucket _bucket = new(database, new GridFSBucketOptions { BucketName = "artifacts" });

    public async Task SaveAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default)
    {
        var id = await _bucket.UploadFromBytesAsync(key, content.ToArray(),
            new GridFSUploadOptions { Metadata = new BsonDocument("contentType", contentType) }, cancellationToken);
        // A step re-recorded after a crash uploads its screenshot again: drop the older copies.
        var older = await _bucket.FindAsync(
            Builders<GridFSFileInfo>.Filter.Eq(f => f.Filename, key) & Builders<GridFSFileInfo>.Filter.Ne("_id", id),
            cancellationToken: cancellationToken);
        foreach (var file in await older.ToListAsync(cancellationToken))
            await _bucket.DeleteAsync(file.Id, cancellationToken);
    }

    public async Task<Artifact?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var cursor = await _bucket.FindAsync(Builders<GridFSFileInfo>.Filter.Eq(f => f.Filename, key),
            new GridFSFindOptions { Sort = Builders<GridFSFileInfo>.Sort.Descending(f => f.UploadDateTime), Limit = 1 },
            cancellationToken);
        var file = await cursor.FirstOrDefaultAsync(cancellationToken);
        if (file is null) return null;
        var bytes = await _bucket.DownloadAsBytesAsync(file.Id, cancellationToken: cancellationToken);
        var contentType = file.Metadata?.GetValue("contentType", "application/octet-stream").AsString ?? "application/octet-stream";
        return new Artifact(bytes, contentType);
    }
}
