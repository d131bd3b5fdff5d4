using Microsoft.AspNetCore.Http.HttpResults;

namespace RpaOrleans.WebHost.Api;

/// <summary>RFC 9457 problem details for the errors the API gives.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: 404, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} '{Shorten(id)}' exists for this API key's tenant.");

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: 400, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: 409, title: title, detail: detail);

    public static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem(statusCode: 413, title: "Request body too large", detail: $"The body must be at most {limit} bytes.");

    public static ProblemHttpResult Unsupported(string detail) =>
        TypedResults.Problem(statusCode: 415, title: "Unsupported media type", detail: detail);

    private static string Shorten(string id) => id.Length > 80 ? id[..80] + "…" : id;
}
