using System.Text.Json;

namespace RpaOrleans.Planning;

/// <summary>Where a recorded plan came from.</summary>
public sealed record PlanProvenance(string SessionId, DateTimeOffset RecordedAt, int StepsRecorded, int StepsHealed);

/// <summary>
/// A recorded plan, version 1. It has the shape of a session request, so posting it to
/// <c>POST /api/v1/sessions</c> replays it; steps carry durable targets, never element ids.
/// </summary>
public sealed record PlanDocument(
    int PlanVersion,
    PlanProvenance RecordedFrom,
    string? Goal,
    string? StartUrl,
    JsonElement? ResultSchema,
    IReadOnlyList<string>? AllowedDomains,
    IReadOnlyList<StepAction> Plan)
{
    public const int CurrentVersion = 1;
}
