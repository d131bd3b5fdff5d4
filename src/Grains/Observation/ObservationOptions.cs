using System.ComponentModel.DataAnnotations;

namespace RpaOrleans.Observation;

/// <summary>Section <c>Observation</c>.</summary>
public sealed class ObservationOptions
{
    public const string Section = "Observation";

    /// <summary>Most tokens (o200k) the page may take in a prompt; larger pages degrade in a fixed order.</summary>
    [Range(300, 200_000)]
    public int MaxTokens { get; set; } = 4_000;
}
