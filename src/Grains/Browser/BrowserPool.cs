using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using RpaOrleans.Safety;

namespace RpaOrleans.Browser;

/// <summary>
/// The process's one Chromium and its slots. Every session gets a fresh context (no shared
/// cookies or storage); a lease holds a slot until it is disposed. Up to
/// <see cref="BrowserOptions.WarmContexts"/> fresh contexts are prepared ahead, once the browser runs.
/// </summary>
public sealed partial class BrowserPool(IOptions<BrowserOptions> options, NetworkGuard guard, ILogger<BrowserPool> logger) : IAsyncDisposable
{
    private readonly BrowserOptions _options = options.Value;
    private readonly SemaphoreSlim _launchLock = new(1, 1);
    private readonly ConcurrentDictionary<string, BrowserLease> _leases = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _reserved;
    private readonly ConcurrentQueue<Spare> _spares = new();
    private int _warming;
    private int _warmRequested;
    private Task _warmTask = Task.CompletedTask;
    private int _coldStarts;
    private long _warmLeases;

    /// <summary>A fresh context and its blank page, made before any session asked for it.</summary>
    private sealed record Spare(IBrowserContext Context, IPage Page);

    /// <summary>Fresh contexts ready for the next leases.</summary>
    public int Spares => _spares.Count;

    /// <summary>Leases served from a prepared context since the process started.</summary>
    public long WarmLeases => Interlocked.Read(ref _warmLeases);

    public int Capacity => _options.Capacity;

    public int InUse => Volatile.Read(ref _reserved);

    public int Free => Math.Max(0, Capacity - InUse);

    public BrowserOptions Options => _options;

    /// <summary>Set when the silo shuts down: no new leases, so sessions move elsewhere.</summary>
    public bool Draining { get; set; }

    /// <summary>Sessions holding a lease in this process.</summary>
    public IReadOnlyCollection<string> LeasedSessions => [.. _leases.Keys];

    /// <summary>Raised after a slot is taken or freed (on the thread that did it).</summary>
    public event Action? SlotsChanged;

    /// <summary>
    /// A fresh context for the session, or null when every slot is taken. A session that already
    /// holds a lease in this process gets it back.
    /// </summary>
    public async Task<BrowserLease?> TryLeaseAsync(
        string sessionId, string? storageStateJson, IReadOnlyList<string>? allowedDomains = null, CancellationToken cancellationToken = default)
    {
        if (_leases.TryGetValue(sessionId, out var existing) && !existing.IsDisposed) return existing;
        if (!TryReserve()) return null;
        try
        {
            var browser = await GetBrowserAsync(cancellationToken);
            var (cookiesOnly, localStorage) = CheckpointedStorage.Split(storageStateJson);
            var spare = CheckpointedStorage.TryCookies(cookiesOnly, out var cookies) ? await TakeSpareAsync(cookies) : null;
            var (context, page) = spare ?? await NewContextAsync(browser, cookiesOnly);
            BrowserLease? lease = null;
            try
            {
                context.SetDefaultTimeout(_options.ActionTimeoutMs);
                context.SetDefaultNavigationTimeout(_options.NavigationTimeoutMs);
                await context.RouteAsync("**/*", route => RouteAsync(route, lease!, allowedDomains));
                context.Request += (_, request) =>
                {
                    // Redirect hops after the first are not routed by Playwright: check them here and record violations.
                    if (request.RedirectedFrom is not null && lease is not null) _ = AuditRedirectAsync(request, lease, allowedDomains);
                };
                context.Page += (_, newPage) => { if (lease is not null) AttachPageHandlers(newPage, lease); };
                if (localStorage.Count > 0) await CheckpointedStorage.RestoreAsync(page, localStorage);
            }
            catch
            {
                await CloseQuietlyAsync(context);
                throw;
            }
            lease = new BrowserLease(sessionId, context, page, Release);
            AttachPageHandlers(page, lease);
            _leases[sessionId] = lease;
            LogLeased(sessionId, InUse, Capacity);
            SlotsChanged?.Invoke();
            WarmUp();
            return lease;
        }
        catch
        {
            Interlocked.Decrement(ref _reserved);
            throw;
        }
    }

    private BrowserNewContextOptions ContextOptions(string? storageState) => new()
    {
        ViewportSize = new ViewportSize { Width = _options.ViewportWidth, Height = _options.ViewportHeight },
        StorageState = storageState,
        AcceptDownloads = guard.Options.AllowDownloads,
        Locale = "en-US",
        TimezoneId = "UTC",
    };

    /// <summary>A new context with the checkpointed cookies, and its first page.</summary>
    private async Task<(IBrowserContext, IPage)> NewContextAsync(IBrowser browser, string? cookiesOnly)
    {
        Interlocked.Increment(ref _coldStarts);
        try
        {
            var context = await browser.NewContextAsync(ContextOptions(cookiesOnly));
            try
            {
                return (context, await context.NewPageAsync());
            }
            catch
            {
                await CloseQuietlyAsync(context);
                throw;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _coldStarts);
        }
    }

    /// <summary>A prepared context with the checkpointed cookies added, or null when none is ready.</summary>
    private async Task<(IBrowserContext, IPage)?> TakeSpareAsync(List<Cookie> cookies)
    {
        while (_spares.TryDequeue(out var spare))
        {
            if (spare.Page.IsClosed || spare.Context.Browser is not { IsConnected: true })
            {
                await CloseQuietlyAsync(spare.Context);
                continue;
            }
            try
            {
                if (cookies.Count > 0) await spare.Context.AddCookiesAsync(cookies);
                Interlocked.Increment(ref _warmLeases);
                return (spare.Context, spare.Page);
            }
            catch (Exception ex)
            {
                // Chromium went away, or refused a cookie: a new context takes the state whole.
                LogSpareRefused(ex);
                await CloseQuietlyAsync(spare.Context);
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// Tops the spares up to <see cref="BrowserOptions.WarmContexts"/> (no more than the free slots), one at
    /// a time in the background, once the browser runs; it waits while sessions are creating their own
    /// contexts, so a burst of starts or recoveries does not share the CPU with it. A request made while
    /// a top-up runs is picked up by that run.
    /// </summary>
    private void WarmUp()
    {
        if (_options.WarmContexts <= 0 || _closing) return;
        Volatile.Write(ref _warmRequested, 1);
        if (Interlocked.CompareExchange(ref _warming, 1, 0) != 0) return;
        _warmTask = Task.Run(WarmLoopAsync);
    }

    private async Task WarmLoopAsync()
    {
        do
        {
            try
            {
                while (Interlocked.Exchange(ref _warmRequested, 0) == 1) await TopUpAsync();
            }
            catch (Exception ex)
            {
                if (!_closing) LogWarmUpFailed(ex.Message.Split('\n', 2)[0]);
            }
            finally
            {
                Volatile.Write(ref _warming, 0);
            }
        }
        while (!_closing && Volatile.Read(ref _warmRequested) == 1 && Interlocked.CompareExchange(ref _warming, 1, 0) == 0);
    }

    private int SpareTarget => Draining ? 0 : Math.Min(_options.WarmContexts, Free);

    private async Task TopUpAsync()
    {
        while (!_closing && _spares.Count < SpareTarget && _browser is { IsConnected: true } browser)
        {
            if (Volatile.Read(ref _coldStarts) > 0)
            {
                await Task.Delay(100);
                continue;
            }
            var context = await browser.NewContextAsync(ContextOptions(null));
            try
            {
                var page = await context.NewPageAsync();
                ObjectDisposedException.ThrowIf(_closing, this);
                _spares.Enqueue(new Spare(context, page));
            }
            catch
            {
                await CloseQuietlyAsync(context);
                throw;
            }
        }
        while (_spares.Count > SpareTarget && _spares.TryDequeue(out var extra)) await CloseQuietlyAsync(extra.Context);
    }

    private static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone with its browser.
        }
    }

    /// <summary>
    /// The network policy, enforced on every request the context makes. Documents are fetched here
    /// without following redirects, so a redirect to a blocked place is stopped before the browser goes.
    /// </summary>
    private async Task RouteAsync(IRoute route, BrowserLease lease, IReadOnlyList<string>? allowedDomains)
    {
        var request = route.Request;
        try
        {
            var isDocument = request.ResourceType == "document";
            if (guard.Options.BlockResourceTypes.Contains(request.ResourceType, StringComparer.OrdinalIgnoreCase))
            {
                await route.AbortAsync("blockedbyclient");
                return;
            }
            var reason = await guard.CheckAsync(request.Url, isDocument, allowedDomains);
            if (reason is not null)
            {
                Block(lease, request.Url, reason, isDocument);
                await route.AbortAsync("blockedbyclient");
                return;
            }
            if (isDocument && request.Method == "GET" && IsOnEstablishedPage(request))
            {
                var response = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
                if (response.Status is >= 300 and < 400 && response.Headers.TryGetValue("location", out var location)
                    && Uri.TryCreate(new Uri(request.Url), location, out var target))
                {
                    var why = await guard.CheckAsync(target.ToString(), true, allowedDomains);
                    if (why is not null)
                    {
                        Block(lease, target.ToString(), $"redirect from {request.Url}: {why}", true);
                        await route.FulfillAsync(new RouteFulfillOptions
                        {
                            Status = 403,
                            ContentType = "text/html",
                            Body = $"<!doctype html><title>Blocked</title><h1>Blocked by the network policy</h1><p>{System.Net.WebUtility.HtmlEncode(why)}</p>",
                        });
                        return;
                    }
                }
                await route.FulfillAsync(new RouteFulfillOptions { Response = response });
                return;
            }
            await route.ContinueAsync();
        }
        catch (PlaywrightException)
        {
            // The page or context went away while the request was pending.
        }
    }

    private const int MaxDownloadBytes = 50 * 1024 * 1024;

    /// <summary>Dialogs are answered by the session's policy; downloads are kept for the session to store.</summary>
    private static void AttachPageHandlers(IPage page, BrowserLease lease)
    {
        page.Dialog += async (_, dialog) =>
        {
            var policy = lease.DialogPolicy;
            try
            {
                if (policy.Accept) await dialog.AcceptAsync(dialog.Type == DialogType.Prompt ? policy.PromptText ?? dialog.DefaultValue : null);
                else await dialog.DismissAsync();
                lease.Notes.Enqueue($"dialog {dialog.Type} \"{dialog.Message}\" → {(policy.Accept ? "accepted" : "dismissed")}");
            }
            catch (PlaywrightException)
            {
                // The page closed with the dialog open.
            }
        };
        page.Download += async (_, download) =>
        {
            try
            {
                await using var stream = await download.CreateReadStreamAsync();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                if (buffer.Length > MaxDownloadBytes)
                {
                    lease.Notes.Enqueue($"download {download.SuggestedFilename} discarded: larger than {MaxDownloadBytes / 1024 / 1024} MiB");
                    return;
                }
                lease.Downloads.Enqueue(new DownloadedFile(download.SuggestedFilename, buffer.ToArray(), download.Url));
            }
            catch (PlaywrightException ex)
            {
                lease.Notes.Enqueue($"download {download.SuggestedFilename} failed: {ex.Message.Split('\n')[0]}");
            }
        };
    }

    /// <summary>
    /// Fetch-and-fulfil breaks the first navigation of a popup, so only documents loading into a page
    /// that already shows something are fetched here; a popup's first hop is still checked above, and
    /// any later redirect hop is caught by <see cref="AuditRedirectAsync"/>.
    /// </summary>
    private static bool IsOnEstablishedPage(Microsoft.Playwright.IRequest request)
    {
        try
        {
            var page = request.Frame.Page;
            return page is { IsClosed: false } && page.Url != "about:blank";
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private async Task AuditRedirectAsync(Microsoft.Playwright.IRequest request, BrowserLease lease, IReadOnlyList<string>? allowedDomains)
    {
        var reason = await guard.CheckAsync(request.Url, request.ResourceType == "document", allowedDomains);
        if (reason is not null) Block(lease, request.Url, $"redirect hop: {reason}", request.ResourceType == "document");
    }

    private void Block(BrowserLease lease, string url, string reason, bool isDocument)
    {
        lease.Blocked.Enqueue(new BlockedRequest(url, reason, isDocument, DateTimeOffset.UtcNow));
        LogBlocked(lease.SessionId, url, reason);
    }

    private bool TryReserve()
    {
        while (true)
        {
            var current = Volatile.Read(ref _reserved);
            if (current >= _options.Capacity || Draining) return false;
            if (Interlocked.CompareExchange(ref _reserved, current + 1, current) == current) return true;
        }
    }

    private void Release(BrowserLease lease)
    {
        if (_leases.TryGetValue(lease.SessionId, out var current) && ReferenceEquals(current, lease))
            _leases.TryRemove(lease.SessionId, out _);
        Interlocked.Decrement(ref _reserved);
        LogReleased(lease.SessionId, InUse, Capacity);
        SlotsChanged?.Invoke();
        WarmUp();
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
                Args = [.. ChromiumLocator.LaunchArgs, .. _options.ExtraArgs],
            });
            _browser.Disconnected += (_, _) => { if (!_closing) LogDisconnected(); };
            return _browser;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private volatile bool _closing;

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        foreach (var lease in _leases.Values) await lease.DisposeAsync();
        try
        {
            await _warmTask.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Closing the browser below ends it.
        }
        while (_spares.TryDequeue(out var spare)) await CloseQuietlyAsync(spare.Context);
        if (_browser is not null)
        {
            try { await _browser.CloseAsync(); } catch (PlaywrightException) { }
        }
        _playwright?.Dispose();
        _launchLock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: blocked {Url} ({Reason})")]
    private partial void LogBlocked(string sessionId, string url, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Launching Chromium from {Executable}")]
    private partial void LogLaunching(string executable);

    [LoggerMessage(Level = LogLevel.Information, Message = "A prepared browser context could not take the checkpointed cookies; making a new one")]
    private partial void LogSpareRefused(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing a spare browser context failed: {Reason}")]
    private partial void LogWarmUpFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium disconnected; it is relaunched on the next lease")]
    private partial void LogDisconnected();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Browser slot leased to {SessionId} ({InUse}/{Capacity})")]
    private partial void LogLeased(string sessionId, int inUse, int capacity);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Browser slot released by {SessionId} ({InUse}/{Capacity})")]
    private partial void LogReleased(string sessionId, int inUse, int capacity);
}
