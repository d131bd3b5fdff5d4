namespace RpaOrleans.Sessions;

/// <summary>A file handed to a session for <c>upload</c> steps.</summary>
[GenerateSerializer, Immutable, Alias("rpa.SessionFile")]
public sealed record SessionFile(
    [property: Id(0)] string Name,
    [property: Id(1)] string ContentBase64,
    [property: Id(2)] string? ContentType = null);
