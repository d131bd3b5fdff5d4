using RpaOrleans.Execution;
using RpaOrleans.Secrets;

namespace RpaOrleans.Sessions;

public sealed partial class SessionGrain
{
    private IReadOnlyList<SecretValue> _secrets = [];
    private SecretRedactor _redactor = SecretRedactor.Empty;

    private async Task LoadSecretsAsync()
    {
        if (S.TenantId is null) return;
        _secrets = await vault.GetAllAsync(S.TenantId);
        _redactor = new SecretRedactor(_secrets);
    }

    private IReadOnlyList<string> SecretNames => _secrets.Select(s => s.Name).ToList();

    /// <summary>
    /// The action the executor performs: placeholders in a typed value become the secret, if the
    /// secret exists and may be used on the page's host. The recorded action keeps the placeholder.
    /// </summary>
    private (StepAction? Action, string? ErrorCode, string? Error) WithSecrets(StepAction action, string pageUrl)
    {
        if (action.Value is null || !action.Value.Contains("{{secret:", StringComparison.Ordinal)) return (action, null, null);
        if (action.Action is not (ActionKind.Type or ActionKind.Press or ActionKind.Select))
            return (null, "secret_misuse", "secrets can only be typed, pressed or selected");
        var host = Uri.TryCreate(pageUrl, UriKind.Absolute, out var uri) ? uri.Host : "";
        string? errorCode = null, error = null;
        var value = SecretPlaceholders.Substitute(action.Value, name =>
        {
            var secret = _secrets.FirstOrDefault(s => s.Name == name);
            if (secret is null)
            {
                (errorCode, error) = ("unknown_secret", $"no secret named '{name}' exists for this tenant");
                return "";
            }
            if (secret.AllowedDomains.Count > 0 && !UrlPolicy.IsAllowedHost(host, secret.AllowedDomains))
            {
                (errorCode, error) = ("secret_not_allowed", $"secret '{name}' may not be used on '{host}'");
                return "";
            }
            return secret.Value;
        });
        return errorCode is null ? (action with { Value = value }, null, null) : (null, errorCode, error);
    }

    private StepRecord Redact(StepRecord step) => _redactor.IsEmpty ? step : step with
    {
        Action = step.Action is null ? null : step.Action with
        {
            Value = _redactor.Redact(step.Action.Value),
            Result = _redactor.Redact(step.Action.Result),
            Reasoning = _redactor.Redact(step.Action.Reasoning),
        },
        Error = _redactor.Redact(step.Error),
        PageUrl = _redactor.Redact(step.PageUrl),
        PageTitle = _redactor.Redact(step.PageTitle),
        Output = _redactor.Redact(step.Output),
        RawPlannerAnswer = _redactor.Redact(step.RawPlannerAnswer),
        Notes = step.Notes?.Select(n => _redactor.Redact(n)!).ToList(),
    };

    /// <summary>Cookies and storage are checkpointed encrypted: they can hold session tokens and typed secrets.</summary>
    private string? ProtectBrowserState(string? json) =>
        json is null ? null : Convert.ToBase64String(protector.Protect(json, $"browser-state:{Id}"));

    private string? UnprotectBrowserState()
    {
        if (S.StorageStateJson is null) return null;
        try
        {
            return protector.Unprotect(Convert.FromBase64String(S.StorageStateJson), $"browser-state:{Id}");
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null; // a key change loses the browser state, not the session
        }
    }
}
