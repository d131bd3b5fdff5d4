using System.Text.Json;
using RpaOrleans.Observation;
using RpaOrleans.Serialization;

namespace RpaOrleans.Planning;

/// <summary>Turns the model's text into a valid action, or says precisely what is wrong with it.</summary>
public static class LlmAnswerParser
{
    private static readonly ActionKind[] NeedsElement =
        [
            ActionKind.Click, ActionKind.DoubleClick, ActionKind.RightClick, ActionKind.Type, ActionKind.Select, ActionKind.Check,
            ActionKind.Uncheck, ActionKind.Hover, ActionKind.Upload, ActionKind.Download,
        ];

    public static (StepAction? Action, string? Error) Parse(string? text, PageObservation observation)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "the answer was empty");
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start) return (null, "the answer contains no JSON object");
        LlmAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize<LlmAnswer>(text.AsSpan(start, end - start + 1), RpaJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, $"the answer is not valid JSON for the action schema: {ex.Message}");
        }
        if (answer?.Action is null) return (null, "the answer has no \"action\"");
        if (!Enum.TryParse<ActionKind>(answer.Action, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(answer.Action, out _))
            return (null, $"\"{answer.Action}\" is not an action; use one of {string.Join(", ", ActionSchema.ActionNames)}");
        if (answer.ElementId is { } id && observation.Find(id) is null)
            return (null, $"element [{id}] does not exist on this page; pick an id from the list");
        if (answer.ElementId is null && Array.IndexOf(NeedsElement, kind) >= 0)
            return (null, $"\"{answer.Action}\" needs an elementId");
        if (kind is ActionKind.Navigate && string.IsNullOrWhiteSpace(answer.Url ?? answer.Value))
            return (null, "\"navigate\" needs a url");
        if (kind is ActionKind.Type or ActionKind.Select or ActionKind.Press && answer.Value is null)
            return (null, $"\"{answer.Action}\" needs a value");

        string? result = null;
        if (answer.Result is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } r)
        {
            // A model may send the result as a JSON string holding JSON; unwrap it.
            result = r.ValueKind == JsonValueKind.String && TryJson(r.GetString()) is { } inner ? inner : r.GetRawText();
        }
        return (new StepAction(
            kind,
            ElementId: answer.ElementId,
            Value: answer.Value,
            Url: answer.Url ?? (kind == ActionKind.Navigate ? answer.Value : null),
            Field: answer.Field,
            Success: kind == ActionKind.Finish ? answer.Success ?? true : answer.Success,
            Result: result,
            Reasoning: answer.Reasoning,
            Submit: answer.Submit,
            Append: answer.Append), null);
    }

    private static string? TryJson(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? doc.RootElement.GetRawText() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
