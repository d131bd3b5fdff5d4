using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace RpaOrleans.Tests.Dashboard;

/// <summary>One browser context on the dashboard, recording every console error and page error it sees.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _errors = new();

    public DashboardPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _errors.Enqueue($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>
    /// Waits until the page's address matches <paramref name="pattern"/>. Checked by the Playwright server, not by
    /// <c>WaitForURLAsync</c>: that one reads the client's last known URL and only then subscribes to navigations, so a
    /// redirect the page makes on its own in between (the dashboard's sign-in redirect) is missed and the wait hangs.
    /// </summary>
    public Task ExpectUrlAsync([System.Diagnostics.CodeAnalysis.StringSyntax(System.Diagnostics.CodeAnalysis.StringSyntaxAttribute.Regex)] string pattern) =>
        Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(pattern), new() { Timeout = 60_000 });

    /// <summary>Fails the test if the page logged an error, except those <paramref name="expected"/> accepts.</summary>
    public void AssertNoConsoleErrors(Func<string, bool>? expected = null)
    {
        var unexpected = _errors.Where(e => expected is null || !expected(e)).ToList();
        Assert.True(unexpected.Count == 0, "console errors:\n" + string.Join("\n", unexpected));
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
