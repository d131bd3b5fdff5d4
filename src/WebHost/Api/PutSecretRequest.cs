using System.Text.Json.Serialization;

namespace RpaOrleans.WebHost.Api;

/// <summary>Body of <c>PUT /api/v1/secrets/{name}</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PutSecretRequest(string? Value, List<string>? AllowedDomains = null);
