using Microsoft.Playwright;

namespace RpaOrleans.Browser;

/// <summary>
/// Waits for a page's document to be parsed without the lost-wakeup in Playwright .NET's
/// <c>WaitForLoadStateAsync</c>: it checks the states the client has seen and only then subscribes to new ones,
/// while the connection delivers events on another thread. A <c>DOMContentLoaded</c> arriving between the two is
/// missed and the wait runs to its timeout, which after a click that navigates cost a step its whole 10 s.
/// </summary>
public static class PageLoad
{
    /// <summary>
    /// Completes once the current document has fired <c>DOMContentLoaded</c>; throws <see cref="TimeoutException"/>
    /// after <paramref name="timeoutMs"/>.
    /// </summary>
    public static async Task DomContentLoadedAsync(IPage page, float timeoutMs)
    {
        ArgumentNullException.ThrowIfNull(page);
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFired(object? sender, IPage e) => fired.TrySetResult();
        // Subscribed first: a state the client records after this is seen here, one recorded before it is seen by
        // Playwright's own check. Either way one of the two tasks completes.
        page.DOMContentLoaded += OnFired;
        try
        {
            var playwrights = page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = timeoutMs });
            var first = await Task.WhenAny(playwrights, fired.Task);
            if (first == playwrights) await playwrights;
            else _ = playwrights.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
        finally
        {
            page.DOMContentLoaded -= OnFired;
        }
    }
}
