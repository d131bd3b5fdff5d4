using System.Globalization;
using System.Text;

namespace RpaOrleans.Bench;

/// <summary>Writes one dated run block into docs/benchmarks.md, newest first, under the runs marker.</summary>
public static class Report
{
    public const string Marker = "<!-- bench:runs (./rpa bench inserts new runs below this line) -->";

    public static string Render(BenchSettings settings, Machine machine, Machine after, DateTimeOffset started, TimeSpan took, List<BenchResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Run {started:yyyy-MM-dd HH:mm} UTC — commit `{machine.Commit}`{(settings.Quick ? " — quick smoke run" : "")}");
        text.AppendLine();
        text.AppendLine("| | |");
        text.AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| command | `{settings.Command}` |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| commit | `{machine.Commit}` on `{machine.Branch}` |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| date | {started:yyyy-MM-dd HH:mm:ss} UTC, took {took.TotalMinutes:0.0} min |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| machine | {machine.Cores} cores, {machine.MemoryGiB:0.0} GiB, {machine.CpuModel} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| load average (1/5/15 min) | before {machine.LoadAverage}, after {after.LoadAverage} (shared machine: other builds and tests were running) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| runtime | .NET {Environment.Version}, Chromium `{ChromiumVersion()}` |");
        text.AppendLine();
        var targets = results.SelectMany(r => r.Targets).ToList();
        if (targets.Count > 0)
        {
            text.AppendLine("| target (PRODUCT.md) | measured | verdict |");
            text.AppendLine("|---|---|---|");
            foreach (var t in targets)
                text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Target} | {t.Measured} | {(t.Met switch { true => "met", false => "**not met**", null => "n/a" })}{(t.Note.Length > 0 ? $" ({t.Note})" : "")} |");
            text.AppendLine();
        }
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"#### {r.Title}");
            text.AppendLine();
            foreach (var line in r.Lines) text.AppendLine(line);
            text.AppendLine();
        }
        return text.ToString();
    }

    public static void Write(string root, string block)
    {
        var path = Path.Combine(root, "docs", "benchmarks.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var doc = File.Exists(path) ? File.ReadAllText(path) : $"# Benchmarks\n\nRun `./rpa bench` (about 12 min) or `./rpa bench --quick` (about a minute).\n\n## Runs\n\n{Marker}\n";
        if (!doc.Contains(Marker, StringComparison.Ordinal)) doc = doc.TrimEnd() + $"\n\n## Runs\n\n{Marker}\n";
        var at = doc.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        doc = doc[..at] + "\n\n" + block.TrimEnd() + "\n" + doc[at..].TrimStart('\n').Insert(0, doc[at..].Trim().Length > 0 ? "\n" : "");
        File.WriteAllText(path, doc);
    }

    private static string ChromiumVersion()
    {
        try
        {
            var path = RpaOrleans.Browser.ChromiumLocator.Find(null) ?? "chromium";
            var info = new System.Diagnostics.ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = System.Diagnostics.Process.Start(info)!;
            var v = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return v;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
