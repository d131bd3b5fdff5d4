using System.Text.Json;
using System.Text.Json.Serialization;

namespace RpaOrleans.WebHost.Api;

/// <summary>The body of <c>POST /api/v1/sessions</c>. Unknown properties are rejected, so typos do not pass silently.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateSessionRequest(
    string? Goal = null,
    List<StepAction>? Plan = null,
    string? StartUrl = null,
    JsonElement? ResultSchema = null,
    List<string>? AllowedDomains = null,
    SessionBudgets? Budgets = null,
    int Priority = 0,
    string? Webhook = null,
    Dictionary<string, string>? Metadata = null,
    List<SessionFile>? Files = null,
    DialogPolicy? Dialogs = null,
    int? PlanVersion = null,
    JsonElement? RecordedFrom = null)
{
    /// <summary>Recorded plans carry <c>planVersion</c>; only versions this build understands are accepted.</summary>
    public string? VersionError => PlanVersion is null or RpaOrleans.Planning.PlanDocument.CurrentVersion
        ? null
        : $"planVersion {PlanVersion} is not supported; this server reads version {RpaOrleans.Planning.PlanDocument.CurrentVersion}.";

    public SessionSpec ToSpec() => new(
        string.IsNullOrWhiteSpace(Goal) ? null : Goal.Trim(),
        Plan,
        string.IsNullOrWhiteSpace(StartUrl) ? null : StartUrl.Trim(),
        ResultSchema is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } schema ? schema.GetRawText() : null,
        AllowedDomains,
        Budgets,
        Priority,
        string.IsNullOrWhiteSpace(Webhook) ? null : Webhook.Trim(),
        Metadata,
        Files,
        Dialogs);
}
