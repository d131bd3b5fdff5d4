namespace RpaOrleans.Execution;

/// <summary>What executing one action did.</summary>
public sealed record ActionOutcome(
    bool Ok,
    string? ErrorCode = null,
    string? Error = null,
    TargetDescriptor? Target = null,
    ElementBox? Box = null,
    string? Output = null,
    string? Note = null)
{
    public static ActionOutcome Failure(string code, string message, TargetDescriptor? target = null) =>
        new(false, code, $"{code}: {message}", target);
}
