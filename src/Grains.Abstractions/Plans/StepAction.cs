namespace RpaOrleans.Plans;

/// <summary>
/// One typed action. A plan is an ordered list of these; the LLM planner answers with one.
/// <para>
/// <c>Value</c> is the text to type, the option to select, the key to press, the scroll direction
/// (<c>up</c>/<c>down</c>), the text or milliseconds to wait for, or the finish reason.
/// <c>Field</c> names the result property an <c>extract</c> fills. <c>Expect</c> is checked after the
/// action; an unmet expectation fails the step.
/// </para>
/// </summary>
[GenerateSerializer, Immutable, Alias("rpa.StepAction")]
public sealed record StepAction(
    [property: Id(0)] ActionKind Action,
    [property: Id(1)] TargetDescriptor? Target = null,
    [property: Id(2)] int? ElementId = null,
    [property: Id(3)] string? Value = null,
    [property: Id(4)] string? Url = null,
    [property: Id(5)] string? Field = null,
    [property: Id(6)] bool? Success = null,
    [property: Id(7)] string? Result = null,
    [property: Id(8)] string? Reasoning = null,
    [property: Id(9)] bool? Submit = null,
    [property: Id(10)] string? Description = null,
    [property: Id(11)] bool? Append = null,
    [property: Id(12)] Expectation? Expect = null);
