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
    Forward,
    Reload,
    DoubleClick,
    RightClick,
    Upload,
    Download,
    NewTab,
    SwitchTab,
    CloseTab,
}
