namespace RpaOrleans.WebHost.Realtime;

/// <summary>Whether the event relay is subscribed; part of readiness.</summary>
public sealed class RelayReadiness
{
    private volatile bool _ready;

    public bool Ready
    {
        get => _ready;
        set => _ready = value;
    }
}
