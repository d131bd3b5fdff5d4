using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RpaOrleans.Secrets;
using RpaOrleans.Serialization;
using RpaOrleans.Storage;
using RpaOrleans.WebHost.Auth;

namespace RpaOrleans.WebHost.Api;

/// <summary>
/// The tenant's vault. Values go in and never come out: sessions reference them as
/// <c>{{secret:name}}</c>, and only the executor sees the value, on the secret's allowed domains.
/// </summary>
public static class SecretsApi
{
    private const int MaxValueLength = 4096;

    public static IEndpointRouteBuilder MapSecretsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/secrets").WithTags("Secrets").RequireAuthorization(Policies.Operate);
        group.MapGet("/", async (HttpContext http, ISecretVault vault, CancellationToken ct) =>
            TypedResults.Ok(await vault.ListAsync(http.User.TenantId(), ct))).WithSummary("Secret names and domains (never values).");
        group.MapPut("/{name}", PutAsync).WithSummary("Create or replace a secret.");
        group.MapDelete("/{name}", DeleteAsync).WithSummary("Delete a secret.");
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> PutAsync(
        string name, HttpContext http, ISecretVault vault, ISessionStore store, CancellationToken cancellationToken)
    {
        if (!SecretPlaceholders.IsValidName(name))
            return Problems.BadRequest("Invalid secret name", "Names are 1–64 letters, digits, '.', '_' or '-'.");
        var body = await BodyReader.ReadLimitedAsync(http.Request, 16 * 1024, cancellationToken);
        if (body is null) return Problems.TooLarge(16 * 1024);
        PutSecretRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<PutSecretRequest>(body, RpaJson.Options);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest("Malformed JSON", ex.Message.Split(" Path:")[0]);
        }
        if (request?.Value is not { Length: > 0 and <= MaxValueLength } value)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["value"] = [$"A value of 1–{MaxValueLength} characters is required."] });
        var domains = request.AllowedDomains ?? [];
        if (domains.Any(d => string.IsNullOrWhiteSpace(d) || d.Contains('/', StringComparison.Ordinal)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["allowedDomains"] = ["Each allowed domain is a host name such as example.com."] });
        var tenant = http.User.TenantId();
        await vault.SetAsync(tenant, name, value, domains, cancellationToken);
        await store.AppendAuditAsync(new AuditEntry(DateTimeOffset.UtcNow, tenant, http.User.Actor(), "secret.set", null, name), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, HttpContext http, ISecretVault vault, ISessionStore store, CancellationToken cancellationToken)
    {
        var tenant = http.User.TenantId();
        if (!await vault.DeleteAsync(tenant, name, cancellationToken)) return Problems.NotFound("Secret", name);
        await store.AppendAuditAsync(new AuditEntry(DateTimeOffset.UtcNow, tenant, http.User.Actor(), "secret.delete", null, name), cancellationToken);
        return TypedResults.NoContent();
    }
}
