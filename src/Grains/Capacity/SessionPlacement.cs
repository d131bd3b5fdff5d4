using Orleans.Placement;

namespace RpaOrleans.Capacity;

/// <summary>Places session grains on silos with a free browser slot; see <see cref="SessionPlacementDirector"/>.</summary>
[GenerateSerializer, Immutable, Alias("rpa.SessionPlacement")]
public sealed class SessionPlacement : PlacementStrategy
{
    public static readonly SessionPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SessionPlacementAttribute() : PlacementAttribute(SessionPlacement.Instance);
