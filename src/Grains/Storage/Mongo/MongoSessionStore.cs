using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Driver;
using RpaOrleans.Serialization;

namespace RpaOrleans.Storage.Mongo;

/// <summary>
/// The cluster mode's session store: one document per session, step and audit entry. Documents
/// keep the wire JSON of the record next to the fields queries filter on, like the SQLite store.
/// Documents are found by their own keys (<c>sid</c>, a step's <c>key</c> = session/index) with
/// unique indexes; ids stay ObjectIds. A session update only wins when it is not older.
/// </summary>
public sealed class MongoSessionStore(IMongoDatabase database) : ISessionStore
{
    private readonly IMongoCollection<BsonDocument> _sessions = database.GetCollection<BsonDocument>("sessions");
    private readonly IMongoCollection<BsonDocument> _steps = database.GetCollection<BsonDocument>("steps");
    private readonly IMongoCollection<BsonDocument> _audit = database.GetCollection<BsonDocument>("audit");

    private volatile bool _indexed;

    private static FilterDefinitionBuilder<BsonDocument> F => Builders<BsonDocument>.Filter;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
        if (_indexed) return;
        var keys = Builders<BsonDocument>.IndexKeys;
        var unique = new CreateIndexOptions { Unique = true };
        await _sessions.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(keys.Ascending("sid"), unique),
            new CreateIndexModel<BsonDocument>(keys.Ascending("tenantId").Descending("createdAt")),
            new CreateIndexModel<BsonDocument>(keys.Ascending("terminal").Ascending("createdAt")),
        ], cancellationToken);
        await _steps.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(keys.Ascending("key"), unique),
            new CreateIndexModel<BsonDocument>(keys.Ascending("sessionId").Ascending("index")),
        ], cancellationToken);
        await _audit.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(keys.Ascending("tenantId").Ascending("sessionId").Descending("at")), cancellationToken: cancellationToken);
        _indexed = true;
    }

    public async Task UpsertSessionAsync(SessionSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        // A double, not an Int64: the stand-in compares 64-bit integers above 2^53 wrongly, and
        // ~13 µs of resolution is plenty to order one session's snapshots.
        var updatedTicks = (double)snapshot.UpdatedAt.UtcTicks;
        var fields = new BsonDocument
        {
            ["status"] = snapshot.Status.ToString(),
            ["updatedAt"] = updatedTicks,
            ["updatedTicks"] = snapshot.UpdatedAt.UtcTicks,
            ["terminal"] = snapshot.Status.IsTerminal(),
            ["snapshot"] = RpaJson.Serialize(snapshot),
        };
        var newer = await _sessions.UpdateOneAsync(
            F.Eq("sid", snapshot.Id) & F.Lte("updatedAt", updatedTicks),
            new BsonDocument("$set", fields), cancellationToken: cancellationToken);
        if (newer.MatchedCount > 0) return;

        // Either the session is new or the stored one is newer: insert only if absent.
        var insert = new BsonDocument(fields)
        {
            ["tenantId"] = snapshot.TenantId,
            ["goal"] = (BsonValue?)snapshot.Spec.Goal ?? BsonNull.Value,
            ["createdAt"] = snapshot.CreatedAt.ToUnixTimeMilliseconds(),
        };
        await _sessions.UpdateOneAsync(F.Eq("sid", snapshot.Id), new BsonDocument("$setOnInsert", insert),
            new UpdateOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task<SessionSnapshot?> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var document = await _sessions.Find(F.Eq("sid", sessionId)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : RpaJson.Deserialize<SessionSnapshot>(document["snapshot"].AsString);
    }

    public async Task<SessionPage> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken = default)
    {
        var filter = F.Eq("tenantId", query.TenantId);
        if (query.Status is { } status) filter &= F.Eq("status", status.ToString());
        if (!string.IsNullOrWhiteSpace(query.Text)) filter &= F.Regex("goal", new BsonRegularExpression(Regex.Escape(query.Text), "i"));
        if (query.CreatedAfter is { } after) filter &= F.Gte("createdAt", after.ToUnixTimeMilliseconds());
        if (query.CreatedBefore is { } before) filter &= F.Lt("createdAt", before.ToUnixTimeMilliseconds());

        var total = await _sessions.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        var documents = await _sessions.Find(filter)
            .Sort(Builders<BsonDocument>.Sort.Descending("createdAt").Descending("sid"))
            .Skip((query.Page - 1) * query.PageSize)
            .Limit(query.PageSize)
            .ToListAsync(cancellationToken);
        var items = documents.Select(d => RpaJson.Deserialize<SessionSnapshot>(d["snapshot"].AsString)).ToList();
        return new SessionPage(items, (int)total, query.Page, query.PageSize);
    }

    public async Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        var documents = await _sessions.Find(F.Eq("terminal", false))
            .Sort(Builders<BsonDocument>.Sort.Ascending("createdAt"))
            .Project(Builders<BsonDocument>.Projection.Include("sid"))
            .ToListAsync(cancellationToken);
        return documents.Select(d => d["sid"].AsString).ToList();
    }

    public Task UpsertStepAsync(StepRecord step, CancellationToken cancellationToken = default) =>
        _steps.UpdateOneAsync(
            F.Eq("key", StepId(step.SessionId, step.Index)),
            new BsonDocument("$set", new BsonDocument
            {
                ["sessionId"] = step.SessionId,
                ["index"] = step.Index,
                ["record"] = RpaJson.Serialize(step),
            }),
            new UpdateOptions { IsUpsert = true }, cancellationToken);

    public async Task<IReadOnlyList<StepRecord>> GetStepsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var documents = await _steps.Find(F.Eq("sessionId", sessionId))
            .Sort(Builders<BsonDocument>.Sort.Ascending("index"))
            .ToListAsync(cancellationToken);
        return documents.Select(d => RpaJson.Deserialize<StepRecord>(d["record"].AsString)).ToList();
    }

    public async Task<StepRecord?> GetStepAsync(string sessionId, int index, CancellationToken cancellationToken = default)
    {
        var document = await _steps.Find(F.Eq("key", StepId(sessionId, index))).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : RpaJson.Deserialize<StepRecord>(document["record"].AsString);
    }

    public async Task<IReadOnlyDictionary<SessionStatus, int>> CountByStatusAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var groups = await _sessions.Aggregate()
            .Match(F.Eq("tenantId", tenantId))
            .Group(new BsonDocument { ["_id"] = "$status", ["count"] = new BsonDocument("$sum", 1) })
            .ToListAsync(cancellationToken);
        var counts = new Dictionary<SessionStatus, int>();
        foreach (var group in groups)
            if (Enum.TryParse<SessionStatus>(group["_id"].AsString, out var status)) counts[status] = group["count"].ToInt32();
        return counts;
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ListEndTimesAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        // A terminal session is not updated again, so its last update is when it ended.
        var documents = await _sessions.Find(F.Eq("tenantId", tenantId) & F.Eq("terminal", true) & F.Gte("updatedAt", (double)since.UtcTicks))
            .Sort(Builders<BsonDocument>.Sort.Ascending("updatedAt"))
            .Project(Builders<BsonDocument>.Projection.Include("updatedTicks"))
            .ToListAsync(cancellationToken);
        return documents.Select(d => new DateTimeOffset(d["updatedTicks"].ToInt64(), TimeSpan.Zero))
            .Where(t => t >= since).OrderBy(t => t).ToList();
    }

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        _audit.InsertOneAsync(new BsonDocument
        {
            ["at"] = entry.At.ToUnixTimeMilliseconds(),
            ["tenantId"] = entry.TenantId,
            ["actor"] = entry.Actor,
            ["action"] = entry.Action,
            ["sessionId"] = (BsonValue?)entry.SessionId ?? BsonNull.Value,
            ["detail"] = (BsonValue?)entry.Detail ?? BsonNull.Value,
        }, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string tenantId, string? sessionId, int limit, CancellationToken cancellationToken = default)
    {
        var filter = F.Eq("tenantId", tenantId);
        if (sessionId is not null) filter &= F.Eq("sessionId", sessionId);
        var documents = await _audit.Find(filter)
            .Sort(Builders<BsonDocument>.Sort.Descending("at").Descending("_id"))
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return documents.Select(d => new AuditEntry(
            DateTimeOffset.FromUnixTimeMilliseconds(d["at"].ToInt64()),
            d["tenantId"].AsString,
            d["actor"].AsString,
            d["action"].AsString,
            d["sessionId"].IsBsonNull ? null : d["sessionId"].AsString,
            d["detail"].IsBsonNull ? null : d["detail"].AsString)).ToList();
    }

    private static string StepId(string sessionId, int index) => $"{sessionId}/{index}";
}
