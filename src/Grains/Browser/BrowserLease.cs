using System.Collections.Concurrent;
using Microsoft.Playwright;
using RpaOrleans.Safety;
using RpaOrleans.Sessions;

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

    /// <summary>
    /// Makes the newest tab current when a page opened one since the last look (a popup may open
    /// after the click that caused it returned). True when it switched.
    /// </summary>
    public bool FollowNewTab()
    {
        var pages = Context.Pages;
        var switched = pages.Count > _knownPages && !ReferenceEquals(Page, pages[^1]);
        if (switched) Page = pages[^1];
        else if (Page.IsClosed && pages.Count > 0) Page = pages[^1];
        _knownPages = pages.Count;
        return switched;
    }

    private int _knownPages = 1;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// Things that happened in the browser outside any action (blocked requests, dialogs, downloads,
    /// new tabs). Written from Playwright's threads, drained by the grain after each step.
    /// </summary>
    public ConcurrentQueue<string> Notes { get; } = new();

    public ConcurrentQueue<BlockedRequest> Blocked { get; } = new();

    /// <summary>Files the pages downloaded, waiting to be stored as artifacts.</summary>
    public ConcurrentQueue<DownloadedFile> Downloads { get; } = new();

    /// <summary>How dialogs are answered; set by the session, read on Playwright's threads.</summary>
    public DialogPolicy DialogPolicy { get; set; } = DialogPolicy.Default;

    public List<string> DrainNotes()
    {
        var notes = new List<string>();
        while (Notes.TryDequeue(out var note)) notes.Add(note);
        return notes;
    }

    public List<BlockedRequest> DrainBlocked()
    {
        var blocked = new List<BlockedRequest>();
        while (Blocked.TryDequeue(out var b)) blocked.Add(b);
        return blocked;
    }

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
