namespace RpaOrleans.Sessions;

/// <summary>How a session answers alert, confirm and prompt dialogs.</summary>
[GenerateSerializer, Immutable, Alias("rpa.DialogPolicy")]
public sealed record DialogPolicy(
    [property: Id(0)] bool Accept = true,
    [property: Id(1)] string? PromptText = null)
{
    public static DialogPolicy Default { get; } = new();
}
