using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace RpaOrleans.Browser;

/// <summary>
/// The process's one Chromium and its slots. Every session gets a fresh context (no shared
/// cookies or storage); a lease holds a slot until it is disposed.
/// </summary>
public sealed partial class BrowserPool(IOptions<BrowserOptions> options, ILogger<BrowserPool> logger) : IAsyncDisposable
{
    private static readonly string[] DefaultArgs =
    [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
    ];

    private readonly BrowserOptions _options = options.Value;
    private readonly SemaphoreSlim _launchLock = new(1, 1);
    private readonly ConcurrentDictionary<string, BrowserLease> _leases = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _reserved;

    public int Capacity => _options.Capacity;

    public int InUse => Volatile.Read(ref _reserved);

    public int Free => Math.Max(0, Capacity - InUse);

    public BrowserOptions Options => _options;

    /// <summary>
    /// A fresh context for the session, or null when every slot is taken. A session that already
    /// holds a lease in this process gets it back.
    /// </summary>
    public async Task<BrowserLease?> TryLeaseAsync(string sessionId, string? storageStateJson, CancellationToken cancellationToken = default)
    {
        if (_leases.TryGetValue(sessionId, out var existing) && !existing.IsDisposed) return existing;
        if (!TryReserve()) return null;
        try
        {
            var browser = await GetBrowserAsync(cancellationToken);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = _options.ViewportWidth, Height = _options.ViewportHeight },
                StorageState = storageStateJson,
                AcceptDownloads = true,
                Locale = "en-US",
                TimezoneId = "UTC",
            });
            context.SetDefaultTimeout(_options.ActionTimeoutMs);
            context.SetDefaultNavigationTimeout(_options.NavigationTimeoutMs);
            var page = await context.NewPageAsync();
            var lease = new BrowserLease(sessionId, context, page, Release);
            _leases[sessionId] = lease;
            LogLeased(sessionId, InUse, Capacity);
            return lease;
        }
        catch
        {
            Interlocked.Decrement(ref _reserved);
            throw;
        }
    }

    private bool TryReserve()
    {
        while (true)
        {
            var current = Volatile.Read(ref _reserved);
            if (current >= _options.Capacity) return false;
            if (Interlocked.CompareExchange(ref _reserved, current + 1, current) == current) return true;
        }
    }

    private void Release(BrowserLease lease)
    {
        if (_leases.TryGetValue(lease.SessionId, out var current) && ReferenceEquals(current, lease))
            _leases.TryRemove(lease.SessionId, out _);
        Interlocked.Decrement(ref _reserved);
        LogReleased(lease.SessionId, InUse, Capacity);
    }

    private async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } ready) return ready;
        await _launchLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } launched) return launched;
            _playwright ??= await Playwright.CreateAsync();
            var executable = ChromiumLocator.Find(_options.ExecutablePath);
            LogLaunching(executable ?? "(Playwright's own)");
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                Headless = _options.Headless,
                ExecutablePath = executable,
                Args = [.. DefaultArgs, .. _options.ExtraArgs],
            });
            _browser.Disconnected += (_, _) => LogDisconnected();
            return _browser;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lease in _leases.Values) await lease.DisposeAsync();
        if (_browser is not null)
        {
            try { await _browser.CloseAsync(); } catch (PlaywrightException) { }
        }
        _playwright?.Dispose();
        _launchLock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Launching Chromium from {Executable}")]
    private partial void LogLaunching(string executable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium disconnected; it is relaunched on the next lease")]
    private partial void LogDisconnected();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Browser slot leased to {SessionId} ({InUse}/{Capacity})")]
    private partial void LogLeased(string sessionId, int inUse, int capacity);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Browser slot released by {SessionId} ({InUse}/{Capacity})")]
    private partial void LogReleased(string sessionId, int inUse, int capacity);
}
