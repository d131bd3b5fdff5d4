namespace RpaOrleans.Plans;

/// <summary>What a step does to the page.</summary>
public enum ActionKind
{
    Navigate,
    Click,
    Type,
    Select,
    Check,
    Uncheck,
    Hover,
    Press,
    Scroll,
    Wait,
    Extract,
    Back,
    Finish,
}
