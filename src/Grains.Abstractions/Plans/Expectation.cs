namespace RpaOrleans.Plans;

/// <summary>
/// The effect an action should have, checked right after it: the URL, text that appears or goes
/// away, or an element's state (<c>visible</c>, <c>hidden</c>, <c>checked</c>, <c>unchecked</c>,
/// <c>enabled</c>, <c>disabled</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("rpa.Expectation")]
public sealed record Expectation(
    [property: Id(0)] string? UrlContains = null,
    [property: Id(1)] string? TextAppears = null,
    [property: Id(2)] string? TextDisappears = null,
    [property: Id(3)] TargetDescriptor? Target = null,
    [property: Id(4)] string? State = null);
