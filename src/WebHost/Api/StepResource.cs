using System.Text.Json;

namespace RpaOrleans.WebHost.Api;

/// <summary>One recorded step as the REST API and the hub present it.</summary>
public sealed record StepResource(
    string SessionId,
    int Index,
    StepAction? Action,
    bool Ok,
    string? Error,
    string? PageUrl,
    string? PageTitle,
    string? ScreenshotUrl,
    DateTimeOffset StartedAt,
    StepTimings Timings,
    TokenUsage Tokens,
    TargetDescriptor? Target,
    ElementBox? TargetBox,
    int ElementCount,
    JsonElement? Output,
    string? RawPlannerAnswer,
    IReadOnlyList<string>? Notes)
{
    public static StepResource From(StepRecord s) => new(
        s.SessionId, s.Index, s.Action, s.Ok, s.Error, s.PageUrl, s.PageTitle,
        s.Screenshot is null ? null : $"/api/v1/sessions/{s.SessionId}/steps/{s.Index}/screenshot",
        s.StartedAt, s.Timings, s.Tokens, s.Target, s.TargetBox, s.ElementCount,
        SessionResource.Json(s.Output), s.RawPlannerAnswer, s.Notes);
}
