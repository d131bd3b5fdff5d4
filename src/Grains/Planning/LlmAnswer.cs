using System.Text.Json;

namespace RpaOrleans.Planning;

/// <summary>The JSON object the navigator must answer with.</summary>
public sealed class LlmAnswer
{
    public string? Reasoning { get; set; }
    public string? Action { get; set; }
    public int? ElementId { get; set; }
    public string? Value { get; set; }
    public string? Url { get; set; }
    public string? Field { get; set; }
    public bool? Success { get; set; }
    public bool? Submit { get; set; }
    public bool? Append { get; set; }
    public JsonElement? Result { get; set; }
}
