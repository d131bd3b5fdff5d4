namespace RpaOrleans.Bench;

/// <summary>What to run and how long: <c>--quick</c> is a one-minute smoke run.</summary>
public sealed record BenchSettings(bool Quick, string Root, string WebHostDll, IReadOnlySet<string> Only, string Command)
{
    public bool Runs(string name) => Only.Count == 0 || Only.Contains(name);

    public int OverheadPairs => Quick ? 3 : 12;

    public int[] ThroughputLevels => Quick ? [2, 4] : [1, 2, 4, 6, 8, 12, 16];

    public TimeSpan ThroughputWindow => Quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(40);

    public int[] DensityLevels => Quick ? [1, 5] : [1, 10, 20, 30, 40];

    public TimeSpan RestDuration => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10);

    public TimeSpan CreateDuration => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);

    public int ObservationRepeats => Quick ? 1 : 5;
}
