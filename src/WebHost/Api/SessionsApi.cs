using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RpaOrleans.Planning;
using RpaOrleans.Serialization;
using RpaOrleans.Storage;
using RpaOrleans.WebHost.Auth;

namespace RpaOrleans.WebHost.Api;

/// <summary>REST v1 for sessions. Every session belongs to the caller's tenant; others' ids are 404.</summary>
public static partial class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sessions").WithTags("Sessions").RequireAuthorization(Policies.Read);

        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Operate)
            .Accepts<CreateSessionRequest>("application/json")
            .WithSummary("Start a session from a goal, a plan, or both.");
        group.MapGet("/", ListAsync).WithSummary("The tenant's sessions, newest first.");
        group.MapGet("/{id}", GetAsync).WithSummary("One session.");
        group.MapGet("/{id}/steps", StepsAsync).WithSummary("The recorded steps of a session.");
        group.MapGet("/{id}/steps/{index:int}", StepAsync).WithSummary("One recorded step.");
        group.MapGet("/{id}/downloads/{name}", DownloadAsync).WithSummary("A file the session downloaded.");
        group.MapGet("/{id}/plan", PlanAsync).WithSummary("The recorded plan: post it back to replay without an LLM.");
        group.MapGet("/{id}/steps/{index:int}/screenshot", ScreenshotAsync).WithSummary("The JPEG a step saw.");
        group.MapPost("/{id}/cancel", (string id, HttpContext http, IGrainFactory grains, ISessionStore store) =>
                ControlAsync(id, http, grains, store, "cancel", g => g.CancelAsync($"Cancelled by {http.User.Actor()}.")))
            .RequireAuthorization(Policies.Operate).WithSummary("Cancel after the step in flight.");
        group.MapPost("/{id}/pause", (string id, HttpContext http, IGrainFactory grains, ISessionStore store) =>
                ControlAsync(id, http, grains, store, "pause", g => g.PauseAsync()))
            .RequireAuthorization(Policies.Operate).WithSummary("Pause after the step in flight.");
        group.MapPost("/{id}/resume", (string id, HttpContext http, IGrainFactory grains, ISessionStore store) =>
                ControlAsync(id, http, grains, store, "resume", g => g.ResumeAsync()))
            .RequireAuthorization(Policies.Operate).WithSummary("Resume a paused session.");
        group.MapPost("/{id}/step", StepOnceAsync)
            .RequireAuthorization(Policies.Operate).WithSummary("Run exactly one step of a paused session.");
        return app;
    }

    private static async Task<Results<Created<SessionResource>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        HttpContext http, IGrainFactory grains, ISessionStore store, ChatClientFactory llm, IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBytes;
        if (http.Request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Problems.Unsupported("Send the session as JSON with 'Content-Type: application/json'.");
        var body = await BodyReader.ReadLimitedAsync(http.Request, limit, cancellationToken);
        if (body is null) return Problems.TooLarge(limit);

        CreateSessionRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CreateSessionRequest>(body, RpaJson.Options);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest("Malformed JSON", Describe(ex));
        }
        if (request is null) return Problems.BadRequest("Malformed JSON", "The body must be a JSON object.");

        if (request.VersionError is { } versionError)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["planVersion"] = [versionError] }, title: "The session spec is invalid");
        var spec = request.ToSpec();
        var errors = SessionSpecValidator.Validate(spec, llm.IsConfigured);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The session spec is invalid");

        var id = Guid.CreateVersion7().ToString("N");
        var tenant = http.User.TenantId();
        var snapshot = await grains.GetGrain<ISessionGrain>(id).StartAsync(tenant, spec);
        await store.AppendAuditAsync(new AuditEntry(DateTimeOffset.UtcNow, tenant, http.User.Actor(), "session.create", id,
            spec.Goal is null ? $"plan of {spec.Plan?.Count ?? 0} steps" : $"goal: {Truncate(spec.Goal, 200)}"), cancellationToken);
        return TypedResults.Created($"/api/v1/sessions/{id}", SessionResource.From(snapshot));
    }

    private static async Task<Results<Ok<SessionPageResource>, ProblemHttpResult>> ListAsync(
        HttpContext http, ISessionStore store, CancellationToken cancellationToken,
        [FromQuery] string? status = null, [FromQuery] string? q = null, [FromQuery] int page = 1, [FromQuery] int pageSize = 20,
        [FromQuery] DateTimeOffset? from = null, [FromQuery] DateTimeOffset? to = null)
    {
        SessionStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<SessionStatus>(status, ignoreCase: true, out var value) || int.TryParse(status, out _))
                return Problems.BadRequest("Unknown status", $"'{status}' is not a status; use one of {string.Join(", ", Enum.GetNames<SessionStatus>())}.");
            parsed = value;
        }
        if (page < 1) return Problems.BadRequest("Invalid page", "page starts at 1.");
        if (pageSize is < 1 or > 200) return Problems.BadRequest("Invalid pageSize", "pageSize must be between 1 and 200.");
        var result = await store.ListSessionsAsync(
            new SessionQuery(http.User.TenantId(), parsed, q, from, to, page, pageSize), cancellationToken);
        return TypedResults.Ok(new SessionPageResource(
            result.Items.Select(SessionResource.From).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<SessionResource>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, ISessionStore store, CancellationToken cancellationToken)
    {
        var snapshot = await FindAsync(id, http, store, cancellationToken);
        return snapshot is null ? Problems.NotFound("Session", id) : TypedResults.Ok(SessionResource.From(snapshot));
    }

    private static async Task<Results<Ok<List<StepResource>>, ProblemHttpResult>> StepsAsync(
        string id, HttpContext http, ISessionStore store, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, http, store, cancellationToken) is null) return Problems.NotFound("Session", id);
        var steps = await store.GetStepsAsync(id, cancellationToken);
        return TypedResults.Ok(steps.Select(StepResource.From).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string id, string name, HttpContext http, ISessionStore store, IArtifactStore artifacts, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, http, store, cancellationToken) is null) return Problems.NotFound("Session", id);
        var artifact = await artifacts.GetAsync(ArtifactKeys.Download(id, name), cancellationToken);
        return artifact is null
            ? Problems.NotFound("Download", name)
            : TypedResults.File(artifact.Content, artifact.ContentType, ArtifactKeys.SafeName(name));
    }

    private static async Task<Results<Ok<PlanDocument>, ProblemHttpResult>> PlanAsync(
        string id, HttpContext http, ISessionStore store, CancellationToken cancellationToken)
    {
        var session = await FindAsync(id, http, store, cancellationToken);
        if (session is null) return Problems.NotFound("Session", id);
        var steps = await store.GetStepsAsync(id, cancellationToken);
        return TypedResults.Ok(PlanRecorder.Record(session, steps));
    }

    private static async Task<Results<Ok<StepResource>, ProblemHttpResult>> StepAsync(
        string id, int index, HttpContext http, ISessionStore store, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, http, store, cancellationToken) is null) return Problems.NotFound("Session", id);
        var step = index < 0 ? null : await store.GetStepAsync(id, index, cancellationToken);
        return step is null ? Problems.NotFound("Step", $"{id}/{index}") : TypedResults.Ok(StepResource.From(step));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ScreenshotAsync(
        string id, int index, HttpContext http, ISessionStore store, IArtifactStore artifacts, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, http, store, cancellationToken) is null) return Problems.NotFound("Session", id);
        var step = index < 0 ? null : await store.GetStepAsync(id, index, cancellationToken);
        if (step?.Screenshot is null) return Problems.NotFound("Screenshot", $"{id}/{index}");
        var artifact = await artifacts.GetAsync(step.Screenshot, cancellationToken);
        if (artifact is null) return Problems.NotFound("Screenshot", $"{id}/{index}");
        // A step's screenshot never changes once written.
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.File(artifact.Content, artifact.ContentType);
    }

    private static async Task<Results<Ok<SessionResource>, ProblemHttpResult>> ControlAsync(
        string id, HttpContext http, IGrainFactory grains, ISessionStore store, string verb, Func<ISessionGrain, Task<SessionSnapshot?>> call)
    {
        var current = await FindAsync(id, http, store, http.RequestAborted);
        if (current is null) return Problems.NotFound("Session", id);
        var snapshot = await call(grains.GetGrain<ISessionGrain>(id));
        await store.AppendAuditAsync(new AuditEntry(DateTimeOffset.UtcNow, current.TenantId, http.User.Actor(), $"session.{verb}", id, null));
        return snapshot is null ? Problems.NotFound("Session", id) : TypedResults.Ok(SessionResource.From(snapshot));
    }

    private static async Task<Results<Ok<SessionResource>, ProblemHttpResult>> StepOnceAsync(
        string id, HttpContext http, IGrainFactory grains, ISessionStore store)
    {
        var current = await FindAsync(id, http, store, http.RequestAborted);
        if (current is null) return Problems.NotFound("Session", id);
        var grain = grains.GetGrain<ISessionGrain>(id);
        var live = await grain.GetSnapshotAsync() ?? current;
        if (live.Status != SessionStatus.Paused)
            return Problems.Conflict("Session is not paused", $"Single steps run only while a session is paused; it is {live.Status}.");
        var snapshot = await grain.StepOnceAsync();
        await store.AppendAuditAsync(new AuditEntry(DateTimeOffset.UtcNow, current.TenantId, http.User.Actor(), "session.step", id, null));
        return snapshot is null ? Problems.NotFound("Session", id) : TypedResults.Ok(SessionResource.From(snapshot));
    }

    /// <summary>The session if it exists and belongs to the caller's tenant.</summary>
    private static async Task<SessionSnapshot?> FindAsync(string id, HttpContext http, ISessionStore store, CancellationToken cancellationToken)
    {
        if (!IdPattern().IsMatch(id)) return null;
        var snapshot = await store.GetSessionAsync(id, cancellationToken);
        return snapshot is not null && snapshot.TenantId == http.User.TenantId() ? snapshot : null;
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        var where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
        var line = ex.LineNumber is { } l ? $" (line {l + 1}, byte {ex.BytePositionInLine + 1})" : "";
        return $"{message}{where}{line}";
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] + "…" : s;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
