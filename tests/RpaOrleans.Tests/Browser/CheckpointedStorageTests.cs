using Microsoft.Playwright;
using RpaOrleans.Browser;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Browser;

/// <summary>A browser checkpoint (cookies + localStorage) taken in one context comes back in a new one.</summary>
[Collection(PlatformGroup.Name)]
public sealed class CheckpointedStorageTests(PlatformFixture platform)
{
    private TestHost Host => platform.Host;

    [Fact]
    public async Task StorageState_TakenFromOneLease_IsRestoredInANewLease_WithoutAnyRequestReachingTheSite()
    {
        var pool = Host.Service<BrowserPool>();
        var first = await pool.TryLeaseAsync("storage-a-" + Guid.NewGuid().ToString("N"), null) ?? throw new InvalidOperationException("no slot");
        string state;
        try
        {
            await SaveNoteAsync(first.Page, Host.BaseUrl, "kept across silos: \"quotes\", ünïcode, =;");
            await first.Page.EvaluateAsync("() => localStorage.setItem('second-key', 'two')");
            state = await first.Context.StorageStateAsync();
        }
        finally
        {
            await first.DisposeAsync();
        }
        Assert.Contains("second-key", state, StringComparison.Ordinal);

        var second = await pool.TryLeaseAsync("storage-b-" + Guid.NewGuid().ToString("N"), state) ?? throw new InvalidOperationException("no slot");
        try
        {
            var siteRequests = new List<string>();
            second.Page.Request += (_, r) => siteRequests.Add(r.Url);
            await second.Page.GotoAsync($"{Host.BaseUrl}/demo/storage.html");
            var dump = await second.Page.Locator("#storage-dump").InnerTextAsync();
            Assert.Contains("localStorage[\"demo-note\"]: kept across silos: \"quotes\", ünïcode, =;", dump, StringComparison.Ordinal);
            Assert.Contains("demo_note=", dump, StringComparison.Ordinal);
            Assert.Equal("two", await second.Page.EvaluateAsync<string>("() => localStorage.getItem('second-key')"));
            // The restore used the blank route, not the site: the only document the site served is the one opened here.
            Assert.DoesNotContain(siteRequests, u => u.Contains("__rpa_restore_storage__", StringComparison.Ordinal));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    /// <summary>The demo storage page saves the note in localStorage and in a cookie.</summary>
    internal static async Task SaveNoteAsync(IPage page, string baseUrl, string note)
    {
        await page.GotoAsync($"{baseUrl}/demo/storage.html");
        await page.GetByLabel("Note").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
    }

    [Fact]
    public void Split_KeepsCookiesForTheContext_AndTakesHttpOriginsOut()
    {
        const string state = """{"cookies":[{"name":"c","value":"1","domain":"example.com","path":"/","expires":-1,"httpOnly":false,"secure":false,"sameSite":"Lax"}],"origins":[{"origin":"https://example.com","localStorage":[{"name":"k","value":"v"}]}]}""";
        var (cookiesOnly, origins) = CheckpointedStorage.Split(state);
        Assert.Contains("\"cookies\":[{\"name\":\"c\"", cookiesOnly, StringComparison.Ordinal);
        Assert.Contains("\"origins\":[]", cookiesOnly, StringComparison.Ordinal);
        var (origin, items) = Assert.Single(origins);
        Assert.Equal("https://example.com", origin);
        Assert.Equal(["k", "v"], Assert.Single(items));

        Assert.Equal((null, 0), (CheckpointedStorage.Split(null).CookiesOnly, CheckpointedStorage.Split(null).Origins.Count));
        Assert.Equal("not json", CheckpointedStorage.Split("not json").CookiesOnly);
    }

    [Fact]
    public void TryCookies_MapsEveryAttribute_AndRefusesWhatAPreparedContextCouldNotTakeWhole()
    {
        const string state = """{"cookies":[{"name":"sid","value":"v=1","domain":".example.com","path":"/app","expires":1893456000,"httpOnly":true,"secure":true,"sameSite":"None"},{"name":"s","value":"","domain":"example.com","path":"/","expires":-1,"httpOnly":false,"secure":false,"sameSite":"Lax"}],"origins":[]}""";
        Assert.True(CheckpointedStorage.TryCookies(state, out var cookies));
        Assert.Equal(2, cookies.Count);
        var sid = cookies[0];
        Assert.Equal(("sid", "v=1", ".example.com", "/app", true, true, SameSiteAttribute.None), (sid.Name, sid.Value, sid.Domain, sid.Path, sid.HttpOnly, sid.Secure, sid.SameSite));
        Assert.InRange(sid.Expires!.Value, 1893456000f - 128, 1893456000f + 128);
        Assert.Equal(-1f, cookies[1].Expires);

        Assert.True(CheckpointedStorage.TryCookies(null, out var none));
        Assert.Empty(none);
        Assert.False(CheckpointedStorage.TryCookies("not json", out _));
        Assert.False(CheckpointedStorage.TryCookies("""{"cookies":[],"origins":[{"origin":"file://","localStorage":[{"name":"k","value":"v"}]}]}""", out _));
        Assert.False(CheckpointedStorage.TryCookies("""{"cookies":[{"name":"p","value":"1","domain":"a.com","path":"/","partitionKey":"https://b.com"}]}""", out _));
        Assert.False(CheckpointedStorage.TryCookies("""{"cookies":[{"name":"p","value":1}]}""", out _));
        Assert.False(CheckpointedStorage.TryCookies("""{"cookies":[{"name":"p","value":"1","sameSite":"Sometimes"}]}""", out _));
    }
}
