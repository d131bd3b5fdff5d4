using System.Text.Json;

namespace RpaOrleans.WebHost.Api;

/// <summary>A session as the REST API and the hub present it.</summary>
public sealed record SessionResource(
    string Id,
    SessionStatus Status,
    string? Goal,
    string? StartUrl,
    int StepCount,
    int? MaxSteps,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    JsonElement? Result,
    SessionError? Error,
    TokenUsage Tokens,
    string? CurrentUrl,
    string? ScreenshotUrl,
    int RecoveryCount,
    int Priority,
    IReadOnlyDictionary<string, string>? Metadata,
    SessionSpec Spec)
{
    public static SessionResource From(SessionSnapshot s) => new(
        s.Id, s.Status, s.Spec.Goal, s.Spec.StartUrl, s.StepCount, s.Spec.EffectiveBudgets.MaxSteps,
        s.CreatedAt, s.UpdatedAt, s.StartedAt, s.EndedAt, Json(s.ResultJson), s.Error, s.Tokens, s.CurrentUrl,
        s.StepCount > 0 && s.LastScreenshot is not null ? $"/api/v1/sessions/{s.Id}/steps/{s.StepCount - 1}/screenshot" : null,
        s.RecoveryCount, s.Spec.Priority, s.Spec.Metadata, s.Spec);

    internal static JsonElement? Json(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }
}
