using System.Globalization;

namespace RpaOrleans.Bench;

/// <summary>Median and spread of a sample; percentiles by linear interpolation.</summary>
public sealed record Stats(int Count, double Median, double P25, double P75, double Min, double Max, double P95, double P99)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        return new Stats(sorted.Length, At(sorted, 0.5), At(sorted, 0.25), At(sorted, 0.75), sorted[0], sorted[^1], At(sorted, 0.95), At(sorted, 0.99));
    }

    public static double At(double[] sorted, double q)
    {
        var pos = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /// <summary>"median (p25–p75)".</summary>
    public string Spread(string format = "0") => Count == 0
        ? "n/a"
        : $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({P25.ToString(format, CultureInfo.InvariantCulture)}–{P75.ToString(format, CultureInfo.InvariantCulture)})";

    public string Tail(string format = "0") => Count == 0
        ? "n/a"
        : $"{Median.ToString(format, CultureInfo.InvariantCulture)} / {P95.ToString(format, CultureInfo.InvariantCulture)} / {P99.ToString(format, CultureInfo.InvariantCulture)}";
}
