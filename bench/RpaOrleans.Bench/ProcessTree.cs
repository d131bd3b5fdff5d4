using System.Globalization;

namespace RpaOrleans.Bench;

/// <summary>
/// A process and all its descendants (the silo, Playwright's driver, Chromium and its renderers),
/// read from /proc: proportional memory (PSS, so shared pages are counted once) and CPU time.
/// </summary>
public static class ProcessTree
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static List<int> Of(int root)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var stat = ReadStat(pid);
            if (stat is null) continue;
            var ppid = int.Parse(stat[1], CultureInfo.InvariantCulture);
            if (!parents.TryGetValue(ppid, out var children)) parents[ppid] = children = [];
            children.Add(pid);
        }
        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            var pid = queue.Dequeue();
            result.Add(pid);
            if (parents.TryGetValue(pid, out var children)) foreach (var c in children) queue.Enqueue(c);
        }
        return result;
    }

    /// <summary>Sum of PSS over the tree, in MiB.</summary>
    public static double PssMiB(int root)
    {
        long kb = 0;
        foreach (var pid in Of(root))
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
                {
                    if (!line.StartsWith("Pss:", StringComparison.Ordinal)) continue;
                    kb += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                    break;
                }
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return kb / 1024.0;
    }

    /// <summary>User + system CPU seconds of the tree (live processes plus reaped children).</summary>
    public static double CpuSeconds(int root)
    {
        double ticks = 0;
        foreach (var pid in Of(root))
        {
            var stat = ReadStat(pid);
            if (stat is null) continue;
            // Fields after the command: state=0, ppid=1, ... utime=11, stime=12, cutime=13, cstime=14.
            for (var i = 11; i <= 14; i++) ticks += double.Parse(stat[i], CultureInfo.InvariantCulture);
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>CPU seconds of the tree grouped by kind of process: the .NET host, Playwright's Node driver, Chromium.</summary>
    public static Dictionary<string, double> CpuByKind(int root)
    {
        var result = new Dictionary<string, double>();
        foreach (var pid in Of(root))
        {
            var stat = ReadStat(pid);
            if (stat is null) continue;
            string cmdline, comm;
            try
            {
                cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
                comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
            }
            catch (IOException) { continue; }
            // A process that is exiting has an empty cmdline but keeps its comm.
            var kind = pid == root ? "dotnet"
                : cmdline.Contains("run-driver", StringComparison.Ordinal) ? "node"
                : cmdline.Contains("chrom", StringComparison.Ordinal) || comm.StartsWith("chrom", StringComparison.Ordinal) ? "chromium" : "other";
            double ticks = 0;
            for (var i = 11; i <= 14; i++) ticks += double.Parse(stat[i], CultureInfo.InvariantCulture);
            result[kind] = result.GetValueOrDefault(kind) + ticks / TicksPerSecond;
        }
        return result;
    }

    /// <summary>Busy and total jiffies of the whole machine, for machine-wide CPU use.</summary>
    public static (double Busy, double Total) MachineCpu()
    {
        var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var idle = parts[3] + parts[4];
        var total = parts.Take(8).Sum();
        return (total - idle, total);
    }

    /// <summary>The fields of /proc/PID/stat after "(comm)", or null when the process is gone.</summary>
    private static string[]? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return text[(close + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
