using System.Diagnostics;
using System.Globalization;

namespace RpaOrleans.Bench;

/// <summary>What the numbers were measured on: cores, memory, CPU model, load, commit.</summary>
public sealed record Machine(int Cores, double MemoryGiB, string CpuModel, string LoadAverage, string Commit, string Branch)
{
    public static Machine Describe(string root)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return new Machine(Environment.ProcessorCount, double.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024, cpu,
            ReadLoadAverage(), Git(root, "rev-parse --short HEAD") + (Git(root, "status --porcelain --untracked-files=no").Length > 0 ? "+dirty" : ""),
            Git(root, "rev-parse --abbrev-ref HEAD"));
    }

    public static string ReadLoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Git(string root, string args)
    {
        try
        {
            var info = new ProcessStartInfo("git", args) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
