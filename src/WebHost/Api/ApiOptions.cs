using System.ComponentModel.DataAnnotations;

namespace RpaOrleans.WebHost.Api;

/// <summary>Section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest accepted request body.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Default requests per second per API key (a burst of twice this is allowed).</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>Origins allowed to call the API from a browser; empty allows none.</summary>
    public List<string> CorsOrigins { get; set; } = [];
}
