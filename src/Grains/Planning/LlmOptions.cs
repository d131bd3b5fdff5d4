using System.ComponentModel.DataAnnotations;

namespace RpaOrleans.Planning;

/// <summary>
/// Any OpenAI-compatible chat endpoint (section <c>Llm</c>; <c>OPENAI_API_KEY</c>,
/// <c>OPENAI_BASE_URL</c> and <c>OPENAI_MODEL</c> fill what is not set).
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>Base URL such as <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>How many earlier steps the navigator sees.</summary>
    [Range(0, 100)]
    public int HistorySteps { get; set; } = 12;

    /// <summary>Retries of a failed call (429, 5xx, timeouts), with backoff honouring Retry-After.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>LLM calls one tenant may have in flight at once in one process.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentPerTenant { get; set; } = 4;

    /// <summary>Prices for the cost estimate, in USD per million tokens.</summary>
    public double InputCostPerMillion { get; set; }

    public double OutputCostPerMillion { get; set; }

    /// <summary>Break the goal into sub-goals before the first step, and again after repeated failures.</summary>
    public bool UsePlanner { get; set; } = true;

    /// <summary>Have a judge confirm the goal before a finish is accepted.</summary>
    public bool UseJudge { get; set; } = true;

    /// <summary>Mask e-mail addresses, card and phone numbers in what the LLM is shown.</summary>
    public bool MaskPersonalData { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) || !string.IsNullOrWhiteSpace(ApiKey);

    public void ApplyEnvironmentDefaults()
    {
        ApiKey ??= Environment.GetEnvironmentVariable("OPENAI_API_KEY");
        Endpoint ??= Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
        if (Environment.GetEnvironmentVariable("OPENAI_MODEL") is { Length: > 0 } model && Model == "gpt-4o-mini") Model = model;
    }
}
