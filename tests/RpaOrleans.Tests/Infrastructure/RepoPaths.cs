namespace RpaOrleans.Tests.Infrastructure;

/// <summary>Where the built silo and web host are, for tests that run them as processes.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug, as this test assembly was built.</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name is var c && c is "Release" or "Debug" ? c : "Release";

    /// <summary>Built with the solution (<c>./rpa test</c> builds it before running the tests).</summary>
    public static string SiloDll => Path.Combine(Root, "src", "Silo", "bin", Configuration, "net10.0", "RpaOrleans.Silo.dll");

    public static string WebHostDll => Path.Combine(Root, "src", "WebHost", "bin", Configuration, "net10.0", "RpaOrleans.WebHost.dll");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RpaOrleans.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("RpaOrleans.sln not found above the test assembly.");
    }
}
