using System.Text.Json;
using Json.Schema;

namespace RpaOrleans.Results;

/// <summary>Checks a session's result against the JSON Schema the client asked for.</summary>
public static class ResultValidator
{
    /// <summary>Null when the schema text is a usable JSON Schema, else why not.</summary>
    public static string? CheckSchema(string schemaText)
    {
        try
        {
            Build(schemaText);
            return null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or JsonSchemaException)
        {
            return ex.Message;
        }
    }

    /// <summary>The validation errors of <paramref name="resultJson"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(string? schemaText, string? resultJson)
    {
        if (string.IsNullOrWhiteSpace(schemaText)) return [];
        if (string.IsNullOrWhiteSpace(resultJson)) return ["the result is empty but a result schema was given"];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(resultJson);
        }
        catch (JsonException ex)
        {
            return [$"the result is not JSON: {ex.Message}"];
        }
        using (document)
        {
            var results = Build(schemaText).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid) return [];
            var errors = new List<string>();
            foreach (var detail in results.Details ?? [])
            {
                if (detail.Errors is null) continue;
                foreach (var (keyword, message) in detail.Errors)
                    errors.Add($"{(detail.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {message} ({keyword})");
            }
            if (results.Errors is not null)
                foreach (var (keyword, message) in results.Errors) errors.Add($"/: {message} ({keyword})");
            return errors.Count > 0 ? errors : ["the result does not match the schema"];
        }
    }

    private static JsonSchema Build(string schemaText) =>
        JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}
