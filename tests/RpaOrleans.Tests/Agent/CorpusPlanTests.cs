using System.Text;
using System.Text.Json.Nodes;
using RpaOrleans.Tests.Infrastructure;

namespace RpaOrleans.Tests.Agent;

/// <summary>Recorded plans over the agent test corpus: each capability of the executor on a page built to exercise it.</summary>
[Collection(PlatformGroup.Name)]
public sealed class CorpusPlanTests(PlatformFixture platform)
{
    private TestHost Host => platform.Host;

    private static TargetDescriptor Label(string label) => new(Label: label);

    private static TargetDescriptor Button(string name) => new(Role: "button", Name: name);

    private static TargetDescriptor Css(string css) => new(Css: css);

    private async Task<(JsonObject Session, JsonArray Steps)> RunAsync(string page, object extra, params StepAction[] plan)
    {
        using var api = Host.Client();
        var body = JsonNode.Parse(TestPlans.Json(extra))!.AsObject();
        body["plan"] = JsonNode.Parse(TestPlans.Json(plan));
        body["startUrl"] = $"{Host.BaseUrl}/corpus/{page}";
        using var response = await api.PostJsonAsync("/api/v1/sessions", body.ToJsonString());
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(response.IsSuccessStatusCode, created.ToJsonString());
        var id = created["id"]!.GetValue<string>();
        var done = await api.WaitForEndAsync(id);
        var steps = await api.StepsAsync(id);
        Assert.True(done["status"]!.GetValue<string>() == "succeeded", $"{done.ToJsonString()}\n{steps.ToJsonString()}");
        return (done, steps);
    }

    private static string Result(JsonObject session, string field) => session["result"]![field]!.GetValue<string>();

    [Fact]
    public async Task LongForm_FillsEveryKindOfInput()
    {
        var (done, _) = await RunAsync("long-form.html", new { },
            new StepAction(ActionKind.Type, Label("First name"), Value: "Ada"),
            new StepAction(ActionKind.Type, Label("Email"), Value: "ada@example.com"),
            new StepAction(ActionKind.Select, Label("Country"), Value: "Germany"),
            new StepAction(ActionKind.Select, Label("Plan"), Value: "Pro"),
            new StepAction(ActionKind.Type, Label("Start date"), Value: "2030-01-02"),
            new StepAction(ActionKind.Type, Label("Team size"), Value: "42"),
            new StepAction(ActionKind.Check, new TargetDescriptor(Role: "radio", Name: "Phone")),
            new StepAction(ActionKind.Check, Label("Accept terms")),
            new StepAction(ActionKind.Type, Label("Comments"), Value: "First line"),
            new StepAction(ActionKind.Type, Label("Comments"), Value: " and more", Append: true),
            new StepAction(ActionKind.Click, Button("Register"), Expect: new Expectation(Target: Css("#result"), State: "visible")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "form"));
        var form = JsonNode.Parse(Result(done, "form"))!;
        Assert.Equal("Ada", form["firstName"]!.GetValue<string>());
        Assert.Equal("DE", form["country"]!.GetValue<string>());
        Assert.Equal("Pro", form["plan"]!.GetValue<string>());
        Assert.Equal("2030-01-02", form["startDate"]!.GetValue<string>());
        Assert.Equal("42", form["teamSize"]!.GetValue<string>());
        Assert.Equal("Phone", form["contactPreference"]!.GetValue<string>());
        Assert.True(form["terms"]!.GetValue<bool>());
        Assert.Equal("First line and more", form["comments"]!.GetValue<string>());
    }

    [Fact]
    public async Task ShadowDom_OpenRootsAreReachable()
    {
        var (done, _) = await RunAsync("shadow.html", new { },
            new StepAction(ActionKind.Type, Label("Shadow email"), Value: "ada@example.com"),
            new StepAction(ActionKind.Click, new TargetDescriptor(Role: "checkbox", Name: "Remember me")),
            new StepAction(ActionKind.Click, Button("Shadow submit")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "first"),
            new StepAction(ActionKind.Click, Button("Deep button")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "deep"));
        Assert.Equal("shadow:ada@example.com:true", Result(done, "first"));
        Assert.Equal("deep clicked", Result(done, "deep"));
    }

    [Fact]
    public async Task ModalAndLateElements_AreHandled()
    {
        var (modal, _) = await RunAsync("modal.html", new { },
            new StepAction(ActionKind.Click, Button("Accept all")),
            new StepAction(ActionKind.Click, Button("Buy now"), Expect: new Expectation(TextAppears: "bought")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "r"));
        Assert.Equal("bought", Result(modal, "r"));

        var (late, _) = await RunAsync("late.html", new { },
            new StepAction(ActionKind.Click, Button("Load data")),
            new StepAction(ActionKind.Click, Button("Confirm order")),
            new StepAction(ActionKind.Wait, new TargetDescriptor(Role: "link", Name: "Late link")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "r"));
        Assert.Equal("confirmed", Result(late, "r"));
    }

    [Fact]
    public async Task InfiniteScroll_ReachesItemsThatLoadLater()
    {
        var (done, _) = await RunAsync("infinite.html", new { budgets = new { maxSteps = 30 } },
            new StepAction(ActionKind.Press, Value: "End"),
            new StepAction(ActionKind.Wait, Value: "Item 40"),
            new StepAction(ActionKind.Press, Value: "End"),
            new StepAction(ActionKind.Wait, Value: "Item 60"),
            new StepAction(ActionKind.Click, Button("Select Item 57")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "r"));
        Assert.Equal("selected 57", Result(done, "r"));
    }

    [Fact]
    public async Task Popups_AreFollowed_AndTabsSwitchedAndClosed()
    {
        var (done, steps) = await RunAsync("popup.html", new { },
            new StepAction(ActionKind.Click, new TargetDescriptor(Role: "link", Name: "Open help")),
            new StepAction(ActionKind.Click, Button("Got it")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "popup"),
            new StepAction(ActionKind.SwitchTab, Value: "0"),
            new StepAction(ActionKind.CloseTab, Value: "1"),
            new StepAction(ActionKind.Extract, Css("h1"), Field: "back"));
        Assert.Equal("help acknowledged", Result(done, "popup"));
        Assert.Equal("popup.html", steps[^1]!["pageUrl"]!.GetValue<string>().Split('/')[^1]);
    }

    [Fact]
    public async Task Dialogs_AreAnsweredByPolicy()
    {
        var (accepted, steps) = await RunAsync("dialogs.html", new { dialogs = new { accept = true, promptText = "Ada" } },
            new StepAction(ActionKind.Click, Button("Ask confirm")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "confirm"),
            new StepAction(ActionKind.Click, Button("Ask name")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "prompt"));
        Assert.Equal("confirm:true", Result(accepted, "confirm"));
        Assert.Equal("prompt:Ada", Result(accepted, "prompt"));
        Assert.Contains(steps, s => s!["notes"]?.AsArray().Any(n => n!.GetValue<string>() == "dialog confirm \"Proceed?\" → accepted") == true);

        var (dismissed, _) = await RunAsync("dialogs.html", new { dialogs = new { accept = false } },
            new StepAction(ActionKind.Click, Button("Ask confirm")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "confirm"));
        Assert.Equal("confirm:false", Result(dismissed, "confirm"));
    }

    [Fact]
    public async Task UploadAndDownload_MoveFilesBothWays()
    {
        var files = new[] { new { name = "a.txt", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("hello")) } };
        var (uploaded, _) = await RunAsync("upload.html", new { files },
            new StepAction(ActionKind.Upload, Label("Attachment"), Value: "a.txt"),
            new StepAction(ActionKind.Click, Button("Upload")),
            new StepAction(ActionKind.Extract, Css("#result"), Field: "r"));
        Assert.Equal("uploaded:a.txt:5", Result(uploaded, "r"));

        var (downloaded, steps) = await RunAsync("download.html", new { },
            new StepAction(ActionKind.Download, new TargetDescriptor(Role: "link", Name: "Download report"), Field: "report"));
        Assert.Equal("report.csv", downloaded["result"]!["report"]!["name"]!.GetValue<string>());
        Assert.Contains(steps, s => s!["notes"]?.AsArray().Any(n => n!.GetValue<string>().StartsWith("downloaded report.csv", StringComparison.Ordinal)) == true);
        using var api = Host.Client();
        var csv = await api.Http.GetStringAsync($"/api/v1/sessions/{downloaded["id"]}/downloads/report.csv");
        Assert.Equal("id,amount\n1,10\n2,20\n", csv);
    }

    [Fact]
    public async Task UnmetExpectation_FailsTheStep()
    {
        using var api = Host.Client();
        var created = await api.CreateAsync(new
        {
            plan = new[] { new StepAction(ActionKind.Click, Button("Save"), Expect: new Expectation(TextAppears: "this text never appears")) },
            startUrl = $"{Host.BaseUrl}/corpus/clickables.html",
        });
        var done = await api.WaitForEndAsync(created["id"]!.GetValue<string>());
        Assert.Equal("expectation_failed", done["error"]!["code"]!.GetValue<string>());
        Assert.Contains("this text never appears", done["error"]!["message"]!.GetValue<string>());
    }
}
