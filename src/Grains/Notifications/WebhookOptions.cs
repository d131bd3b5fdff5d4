using System.ComponentModel.DataAnnotations;

namespace RpaOrleans.Notifications;

/// <summary>Section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>When set, each delivery carries <c>X-Rpa-Signature: sha256=HMAC(body)</c>.</summary>
    public string? SigningSecret { get; set; }

    [Range(1, 10)]
    public int Attempts { get; set; } = 3;

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;
}
