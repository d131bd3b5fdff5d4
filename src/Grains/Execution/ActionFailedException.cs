namespace RpaOrleans.Execution;

/// <summary>An action that cannot be carried out, with a stable error code.</summary>
public sealed class ActionFailedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
