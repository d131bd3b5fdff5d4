using Microsoft.Playwright;

namespace RpaOrleans.Browser;

/// <summary>One session's isolated browser context and its active page, holding one slot of the pool.</summary>
public sealed class BrowserLease : IAsyncDisposable
{
    private readonly Action<BrowserLease> _release;
    private int _disposed;

    internal BrowserLease(string sessionId, IBrowserContext context, IPage page, Action<BrowserLease> release)
    {
        SessionId = sessionId;
        Context = context;
        Page = page;
        _release = release;
    }

    public string SessionId { get; }

    public IBrowserContext Context { get; }

    /// <summary>The page the agent acts on; switches when a step opens or closes a tab.</summary>
    public IPage Page { get; set; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await Context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser may already be gone (crash, shutdown); the slot is freed regardless.
        }
        finally
        {
            _release(this);
        }
    }
}
