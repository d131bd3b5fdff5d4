using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Options;
using RpaOrleans.Hosting;
using RpaOrleans.Plans;
using RpaOrleans.Sessions;
using RpaOrleans.Storage;

namespace RpaOrleans.Bench.Micro;

/// <summary>
/// The SQLite calls on the hot paths: a REST read (<c>GetSessionAsync</c>) and the per-step
/// session row and step row writes. In-process toolchain: no child build, fits a shared machine.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class SessionStoreBenchmarks
{
    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }

    private string _directory = "";
    private SqliteSessionStore _store = null!;
    private SessionSnapshot _snapshot = null!;
    private StepRecord _step = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "rpa-micro", Guid.NewGuid().ToString("N"));
        _store = new SqliteSessionStore(new SqliteDatabase(Options.Create(new RpaOptions { DataDirectory = _directory })));
        var spec = new SessionSpec(null, [new StepAction(ActionKind.Click, new TargetDescriptor(Css: "#cart-link"))], "http://127.0.0.1/demo/index.html",
            null, null, null, 0, null, null);
        var now = DateTimeOffset.UtcNow;
        _snapshot = new SessionSnapshot("s1", "bench", spec, SessionStatus.Running, now, now, now, null, 1, null, null, TokenUsage.None,
            "http://127.0.0.1/demo/index.html", null, 0);
        _step = new StepRecord("s1", 0, spec.Plan![0], true, null, "http://127.0.0.1/demo/index.html", "Demo Shop", "s1/0.jpg", now,
            new StepTimings(50, 0, 40, 90), TokenUsage.None, null, null, 21);
        await _store.UpsertSessionAsync(_snapshot);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task<SessionSnapshot?> ReadSession() => _store.GetSessionAsync("s1");

    [Benchmark]
    public Task WriteSessionRow() => _store.UpsertSessionAsync(_snapshot with { UpdatedAt = DateTimeOffset.UtcNow });

    [Benchmark]
    public Task WriteStepRow() => _store.UpsertStepAsync(_step);
}
