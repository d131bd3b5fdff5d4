namespace RpaOrleans.Sessions;

/// <summary>Where the acted element was on the step's screenshot, in CSS pixels.</summary>
[GenerateSerializer, Immutable, Alias("rpa.ElementBox")]
public sealed record ElementBox(
    [property: Id(0)] double X,
    [property: Id(1)] double Y,
    [property: Id(2)] double Width,
    [property: Id(3)] double Height);
