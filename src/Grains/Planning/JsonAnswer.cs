using System.Text.Json;
using System.Text.Json.Nodes;

namespace RpaOrleans.Planning;

/// <summary>Finds the JSON object in a model's answer (models sometimes wrap it in prose or fences).</summary>
public static class JsonAnswer
{
    public static (JsonObject? Value, string? Error) Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "the answer was empty");
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start) return (null, "the answer contains no JSON object");
        try
        {
            return JsonNode.Parse(text[start..(end + 1)]) is JsonObject o ? (o, null) : (null, "the answer is not a JSON object");
        }
        catch (JsonException ex)
        {
            return (null, $"the answer is not valid JSON: {ex.Message}");
        }
    }
}
