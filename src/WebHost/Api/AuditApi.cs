using Microsoft.AspNetCore.Http.HttpResults;
using RpaOrleans.Storage;
using RpaOrleans.WebHost.Auth;

namespace RpaOrleans.WebHost.Api;

/// <summary>The tenant's audit log: who did what, including every action a session took.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> (
                HttpContext http, ISessionStore store, CancellationToken ct, string? sessionId = null, int limit = 100) =>
            {
                if (limit is < 1 or > 1000) return Problems.BadRequest("Invalid limit", "limit must be between 1 and 1000.");
                return TypedResults.Ok(await store.GetAuditAsync(http.User.TenantId(), sessionId, limit, ct));
            })
            .WithTags("Audit").RequireAuthorization(Policies.Admin).WithSummary("Newest audit entries first.");
        return app;
    }
}
