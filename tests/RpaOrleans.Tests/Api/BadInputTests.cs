using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Api;

[Collection(PlatformGroup.Name)]
public sealed class BadInputTests(PlatformFixture platform)
{
    private TestHost Host => platform.Host;

    private static async Task<JsonNode> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        return problem;
    }

    private async Task<JsonNode> PostSessionAsync(string json, HttpStatusCode expected)
    {
        using var api = Host.Client();
        using var response = await api.PostJsonAsync("/api/v1/sessions", json);
        return await ExpectProblemAsync(response, expected);
    }

    [Theory]
    [InlineData("{\"goal\": \"x\",", "end of data")]
    [InlineData("[1,2,3]", "")]
    [InlineData("{\"plan\": [{\"action\": \"fly\"}], \"startUrl\": \"http://127.0.0.1/\"}", "$.plan[0].action")]
    [InlineData("{\"goal\": \"x\", \"startUrl\": \"http://127.0.0.1/\", \"budgets\": {\"maxSteps\": \"many\"}}", "$.budgets.maxSteps")]
    [InlineData("{\"gaol\": \"typo\"}", "gaol")]
    public async Task MalformedJson_IsA400WithWhereItBroke(string json, string where)
    {
        var problem = await PostSessionAsync(json, HttpStatusCode.BadRequest);
        Assert.Equal("Malformed JSON", problem["title"]!.GetValue<string>());
        Assert.Contains(where, problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{}", "goal", "Give a goal, a plan, or both.")]
    [InlineData("{\"plan\":[{\"action\":\"click\",\"target\":{\"css\":\"a\"}}],\"startUrl\":\"javascript:alert(1)\"}", "startUrl", "javascript")]
    [InlineData("{\"plan\":[{\"action\":\"click\",\"target\":{\"css\":\"a\"}}],\"startUrl\":\"file:///etc/passwd\"}", "startUrl", "file")]
    [InlineData("{\"plan\":[{\"action\":\"click\",\"target\":{\"css\":\"a\"}}],\"startUrl\":\"not a url\"}", "startUrl", "not a valid absolute URL")]
    [InlineData("{\"plan\":[{\"action\":\"click\",\"target\":{\"css\":\"a\"}}],\"startUrl\":\"http://127.0.0.1/\",\"budgets\":{\"maxSteps\":-5}}", "budgets.maxSteps", "between 1 and")]
    [InlineData("{\"plan\":[{\"action\":\"click\",\"target\":{\"css\":\"a\"}}],\"startUrl\":\"http://127.0.0.1/\",\"budgets\":{\"maxDurationSeconds\":999999999}}", "budgets.maxDurationSeconds", "between 1 and")]
    [InlineData("{\"plan\":[{\"action\":\"click\",\"target\":{\"css\":\"a\"}}],\"startUrl\":\"http://127.0.0.1/\",\"budgets\":{\"maxTokens\":-1}}", "budgets.maxTokens", "between 0 and")]
    [InlineData("{\"plan\":[{\"action\":\"click\"}],\"startUrl\":\"http://127.0.0.1/\"}", "plan[0].target", "needs a target")]
    [InlineData("{\"plan\":[{\"action\":\"navigate\",\"url\":\"chrome://settings\"}],\"startUrl\":\"http://127.0.0.1/\"}", "plan[0].url", "chrome")]
    [InlineData("{\"plan\":[{\"action\":\"click\",\"target\":{\"css\":\"a\"}}],\"startUrl\":\"http://127.0.0.1/\",\"resultSchema\":{\"type\":\"nonsense-type\"}}", "resultSchema", "JSON Schema")]
    public async Task InvalidSpec_IsA400NamingTheField(string json, string field, string message)
    {
        var problem = await PostSessionAsync(json, HttpStatusCode.BadRequest);
        var errors = problem["errors"]![field];
        Assert.True(errors is not null, $"no error for '{field}' in {problem.ToJsonString()}");
        Assert.Contains(message, errors!.AsArray().Select(e => e!.GetValue<string>()).First(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HugeBody_IsA413()
    {
        var json = $"{{\"goal\": \"{new string('x', 2 * 1024 * 1024)}\", \"startUrl\": \"http://127.0.0.1/\"}}";
        var problem = await PostSessionAsync(json, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongContentType_IsA415()
    {
        using var api = Host.Client();
        using var response = await api.Http.PostAsync("/api/v1/sessions", new StringContent("goal=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/v1/sessions/does-not-exist")]
    [InlineData("/api/v1/sessions/does-not-exist/steps")]
    [InlineData("/api/v1/sessions/does-not-exist/steps/0/screenshot")]
    [InlineData("/api/v1/sessions/..%2F..%2Fetc")]
    [InlineData("/api/v1/nothing-here")]
    public async Task UnknownIds_AreA404(string path)
    {
        using var api = Host.Client();
        using var response = await api.Http.GetAsync(path);
        await ExpectProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherTenantsSession_IsInvisible()
    {
        using var owner = Host.Client();
        var created = await owner.CreateAsync(TestPlans.Slow(Host.BaseUrl, clicks: 3));
        var id = created["id"]!.GetValue<string>();
        await owner.WaitForEndAsync(id);

        using var other = Host.Client(TestKeys.OtherTenant);
        foreach (var path in new[] { $"/api/v1/sessions/{id}", $"/api/v1/sessions/{id}/steps", $"/api/v1/sessions/{id}/steps/0/screenshot" })
        {
            using var response = await other.Http.GetAsync(path);
            await ExpectProblemAsync(response, HttpStatusCode.NotFound);
        }
        using (var cancel = await other.Http.PostAsync($"/api/v1/sessions/{id}/cancel", null))
            await ExpectProblemAsync(cancel, HttpStatusCode.NotFound);
        var list = JsonNode.Parse(await other.Http.GetStringAsync("/api/v1/sessions?pageSize=200"))!;
        Assert.DoesNotContain(list["items"]!.AsArray(), s => s!["id"]!.GetValue<string>() == id);
        // …and the owner still sees it, untouched.
        Assert.Equal("succeeded", (await owner.GetAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingOrWrongKey_IsA401_AndViewerCannotWrite()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        using (var none = await anonymous.GetAsync("/api/v1/sessions")) await ExpectProblemAsync(none, HttpStatusCode.Unauthorized);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key");
        using (var wrong = await anonymous.GetAsync("/api/v1/sessions")) await ExpectProblemAsync(wrong, HttpStatusCode.Unauthorized);

        using var viewer = Host.Client(TestKeys.Viewer);
        using (var read = await viewer.Http.GetAsync("/api/v1/sessions")) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var write = await viewer.PostJsonAsync("/api/v1/sessions", TestPlans.Json(TestPlans.Slow(Host.BaseUrl, 1)));
        await ExpectProblemAsync(write, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OverTheRateLimit_IsA429WithRetryAfter()
    {
        using var throttled = Host.Client(TestKeys.Throttled);
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 20 && rejected is null; i++)
        {
            var response = await throttled.Http.GetAsync("/api/v1/sessions");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) rejected = response;
            else response.Dispose();
        }
        Assert.NotNull(rejected);
        using (rejected)
        {
            Assert.True(rejected!.Headers.RetryAfter is not null, "Retry-After header missing");
            await ExpectProblemAsync(rejected, HttpStatusCode.TooManyRequests);
        }
        // Other keys are not affected.
        using var admin = Host.Client();
        using var ok = await admin.Http.GetAsync("/api/v1/sessions");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task BadRequests_LoseNothingAcceptedBefore()
    {
        using var api = Host.Client();
        var created = await api.CreateAsync(TestPlans.Slow(Host.BaseUrl, clicks: 4));
        var id = created["id"]!.GetValue<string>();
        for (var i = 0; i < 5; i++)
        {
            using var bad = await api.PostJsonAsync("/api/v1/sessions", "{\"goal\": ");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        var done = await api.WaitForEndAsync(id);
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        using var health = await api.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ListFilters_ValidateTheirInput()
    {
        using var api = Host.Client();
        using (var status = await api.Http.GetAsync("/api/v1/sessions?status=sleeping")) await ExpectProblemAsync(status, HttpStatusCode.BadRequest);
        using (var page = await api.Http.GetAsync("/api/v1/sessions?page=0")) await ExpectProblemAsync(page, HttpStatusCode.BadRequest);
        using (var size = await api.Http.GetAsync("/api/v1/sessions?pageSize=100000")) await ExpectProblemAsync(size, HttpStatusCode.BadRequest);
        var ok = JsonNode.Parse(await api.Http.GetStringAsync("/api/v1/sessions?status=succeeded&pageSize=5"))!;
        Assert.All(ok["items"]!.AsArray(), s => Assert.Equal("succeeded", s!["status"]!.GetValue<string>()));
    }
}
