namespace RpaOrleans.Bench;

/// <summary>One benchmark's outcome: a markdown section for the run block and rows for the targets table.</summary>
public sealed class BenchResult(string title)
{
    public string Title { get; } = title;

    public List<string> Lines { get; } = [];

    public List<TargetRow> Targets { get; } = [];

    public BenchResult Line(string text)
    {
        Lines.Add(text);
        Console.WriteLine("  " + text);
        return this;
    }

    public void Target(string target, string measured, bool? met, string note = "") =>
        Targets.Add(new TargetRow(target, measured, met, note));
}

public sealed record TargetRow(string Target, string Measured, bool? Met, string Note);
