using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using RpaOrleans.Browser;
using RpaOrleans.Safety;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Browser;

/// <summary>
/// Contexts prepared ahead: one is ready once the browser runs, a lease takes it with the checkpointed
/// cookies (all their attributes) and localStorage, and spares never outnumber the free slots.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class WarmContextTests(PlatformFixture platform)
{
    private TestHost Host => platform.Host;

    [Fact]
    public async Task ASpareContext_IsReadyAfterTheFirstLease_TakesTheCheckpoint_AndNeverOutnumbersFreeSlots()
    {
        await using var pool = new BrowserPool(Options.Create(new BrowserOptions { Capacity = 2, WarmContexts = 1 }),
            Host.Service<NetworkGuard>(), NullLogger<BrowserPool>.Instance);
        Assert.Equal(0, pool.Spares); // nothing is started before a session needs the browser

        var first = await pool.TryLeaseAsync("warm-a-" + Guid.NewGuid().ToString("N"), null) ?? throw new InvalidOperationException("no slot");
        string state;
        try
        {
            await CheckpointedStorageTests.SaveNoteAsync(first.Page, Host.BaseUrl, "prepared ahead");
            await first.Context.AddCookiesAsync([new Cookie
            {
                Name = "sid", Value = "s3cr3t", Domain = "127.0.0.1", Path = "/demo",
                HttpOnly = true, SameSite = SameSiteAttribute.Strict, Expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
            }]);
            state = await first.Context.StorageStateAsync();
            await Eventually.WaitForAsync(() => Task.FromResult(pool.Spares), n => n == 1, TimeSpan.FromSeconds(30), "a spare context");
        }
        finally
        {
            await first.DisposeAsync();
        }

        var second = await pool.TryLeaseAsync("warm-b-" + Guid.NewGuid().ToString("N"), state) ?? throw new InvalidOperationException("no slot");
        try
        {
            Assert.Equal(1, pool.WarmLeases);
            var cookies = await second.Context.CookiesAsync();
            var sid = Assert.Single(cookies, c => c.Name == "sid");
            Assert.Equal(("s3cr3t", "/demo", true, SameSiteAttribute.Strict), (sid.Value, sid.Path, sid.HttpOnly, sid.SameSite));
            Assert.True(sid.Expires > DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "the cookie lost its expiry");
            Assert.Contains(cookies, c => c.Name == "demo_note");
            // Only the checkpoint's cookies: the context was prepared before, for nobody in particular.
            Assert.Equal(2, cookies.Count);

            await second.Page.GotoAsync($"{Host.BaseUrl}/demo/storage.html");
            Assert.Contains("localStorage[\"demo-note\"]: prepared ahead", await second.Page.Locator("#storage-dump").InnerTextAsync(), StringComparison.Ordinal);

            // Both slots taken: no free slot, so no spare is kept either.
            await using var third = await pool.TryLeaseAsync("warm-c-" + Guid.NewGuid().ToString("N"), null) ?? throw new InvalidOperationException("no slot");
            await Eventually.WaitForAsync(() => Task.FromResult(pool.Spares), n => n == 0, TimeSpan.FromSeconds(30), "no spare while every slot is leased");
            Assert.Null(await pool.TryLeaseAsync("warm-d-" + Guid.NewGuid().ToString("N"), null));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
