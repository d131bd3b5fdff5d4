using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using RpaOrleans.Browser;
using RpaOrleans.Observation;
using RpaOrleans.Safety;

namespace RpaOrleans.Execution;

/// <summary>Performs one action with Playwright and reports what happened; never throws for page trouble.</summary>
public sealed class ActionExecutor(IOptions<BrowserOptions> options, NetworkGuard guard)
{
    private const int MaxWaitMs = 30_000;
    private const int ExpectationWaitMs = 5_000;
    private readonly BrowserOptions _options = options.Value;

    public async Task<ActionOutcome> ExecuteAsync(
        BrowserLease lease, StepAction action, PageObservation observation, SessionSpec spec, CancellationToken cancellationToken)
    {
        TargetDescriptor? descriptor = action.Target;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await PerformAsync(lease, action, observation, spec, cancellationToken);
            descriptor = outcome.Target ?? descriptor;
            if (outcome.Ok && action.Expect is { } expect && await ExpectationChecker.CheckAsync(lease.Page, expect, ExpectationWaitMs) is { } unmet)
                return ActionOutcome.Failure("expectation_failed", $"the action ran but its expected effect did not happen: {unmet}", descriptor) with { Box = outcome.Box };
            return outcome;
        }
        catch (ActionFailedException ex)
        {
            return ActionOutcome.Failure(ex.Code, ex.Message, descriptor);
        }
        catch (TimeoutException ex)
        {
            return ActionOutcome.Failure("timeout", FirstLine(ex.Message), descriptor);
        }
        catch (PlaywrightException ex)
        {
            return ActionOutcome.Failure("browser_error", FirstLine(ex.Message), descriptor);
        }
    }

    private async Task<ActionOutcome> PerformAsync(BrowserLease lease, StepAction action, PageObservation observation, SessionSpec spec, CancellationToken cancellationToken)
    {
        var page = lease.Page;
        var hasTarget = action.ElementId is not null || action.Target is not null;
        switch (action.Action)
        {
            case ActionKind.Navigate:
                return await NavigateAsync(page, action.Url ?? action.Value, spec.AllowedDomains);
            case ActionKind.Back:
                await page.GoBackAsync(new PageGoBackOptions { WaitUntil = WaitUntilState.Load });
                return new ActionOutcome(true);
            case ActionKind.Forward:
                await page.GoForwardAsync(new PageGoForwardOptions { WaitUntil = WaitUntilState.Load });
                return new ActionOutcome(true);
            case ActionKind.Reload:
                await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Load });
                return new ActionOutcome(true);
            case ActionKind.Finish:
                return new ActionOutcome(true, Output: action.Result);
            case ActionKind.NewTab:
                return await NewTabAsync(lease, action.Url ?? action.Value, spec.AllowedDomains);
            case ActionKind.SwitchTab:
                return await SwitchTabAsync(lease, action.Value);
            case ActionKind.CloseTab:
                return await CloseTabAsync(lease, action.Value);
            case ActionKind.Scroll when !hasTarget:
                var up = string.Equals(action.Value, "up", StringComparison.OrdinalIgnoreCase);
                await page.EvaluateAsync("d => window.scrollBy(0, d)", (up ? -0.8 : 0.8) * _options.ViewportHeight);
                return new ActionOutcome(true);
            case ActionKind.Wait when !hasTarget:
                return await WaitAsync(page, action.Value, cancellationToken);
            case ActionKind.Press when !hasTarget:
                await page.Keyboard.PressAsync(Require(action.Value, "a key to press"));
                await SettleAsync(lease);
                return new ActionOutcome(true);
            case ActionKind.Extract when !hasTarget:
                var text = await page.InnerTextAsync("body");
                return new ActionOutcome(true, Output: JsonSerializer.Serialize(text.Trim()));
        }

        var target = await ResolveAsync(page, action, observation, visibleOnly: action.Action != ActionKind.Extract);
        var pagesBefore = lease.Context.Pages.Count;
        string? output;
        string? note = null;
        try
        {
            output = await ActOnAsync(lease, target, action, spec);
        }
        catch (Exception ex) when (action.ElementId is not null && ex is TimeoutException or PlaywrightException)
        {
            // The element went stale (re-rendered, detached): find it again by its description and retry once.
            var again = await TargetResolver.FromDescriptorAsync(page, target.Descriptor, Math.Min(_options.TargetWaitMs, 2_000),
                visibleOnly: action.Action != ActionKind.Extract);
            output = await ActOnAsync(lease, again, action, spec);
            target = again;
            note = $"element [{action.ElementId}] went stale; acted on it again by {target.Descriptor}";
        }
        FollowNewPage(lease, pagesBefore);
        await SettleAsync(lease);
        return new ActionOutcome(true, Target: target.Descriptor, Box: target.Box, Output: output, Note: note);
    }

    private static async Task<string?> ActOnAsync(BrowserLease lease, TargetResolver.Resolved target, StepAction action, SessionSpec spec)
    {
        var locator = target.Locator;
        switch (action.Action)
        {
            case ActionKind.Click when await OpensNewTabAsync(locator):
                // Wait for the tab the link opens, so the next step starts on it even on a slow machine.
                var popup = await lease.Page.RunAndWaitForPopupAsync(() => locator.ClickAsync(), new PageRunAndWaitForPopupOptions { Timeout = MaxWaitMs });
                lease.Page = popup;
                return null;
            case ActionKind.Click:
                await locator.ClickAsync();
                return null;
            case ActionKind.DoubleClick:
                await locator.DblClickAsync();
                return null;
            case ActionKind.RightClick:
                await locator.ClickAsync(new LocatorClickOptions { Button = MouseButton.Right });
                return null;
            case ActionKind.Type when action.Append == true:
                await locator.EvaluateAsync("e => { e.focus(); const n = (e.value || '').length; try { e.setSelectionRange(n, n); } catch (_) {} }");
                await locator.PressSequentiallyAsync(action.Value ?? "");
                if (action.Submit == true) await locator.PressAsync("Enter");
                return null;
            case ActionKind.Type:
                await locator.FillAsync(action.Value ?? "");
                if (action.Submit == true) await locator.PressAsync("Enter");
                return null;
            case ActionKind.Select:
                var option = Require(action.Value, "an option to select");
                try
                {
                    await locator.SelectOptionAsync(new SelectOptionValue { Label = option }, new LocatorSelectOptionOptions { Timeout = 2000 });
                }
                catch (TimeoutException)
                {
                    await locator.SelectOptionAsync(new SelectOptionValue { Value = option });
                }
                return null;
            case ActionKind.Check:
                await locator.CheckAsync();
                return null;
            case ActionKind.Uncheck:
                await locator.UncheckAsync();
                return null;
            case ActionKind.Hover:
                await locator.HoverAsync();
                return null;
            case ActionKind.Press:
                await locator.PressAsync(Require(action.Value, "a key to press"));
                return null;
            case ActionKind.Scroll:
                await locator.ScrollIntoViewIfNeededAsync();
                return null;
            case ActionKind.Wait:
                await locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = MaxWaitMs });
                return null;
            case ActionKind.Extract:
                return await ExtractAsync(locator, target.Count);
            case ActionKind.Upload:
                await locator.SetInputFilesAsync(FilesFor(action.Value, spec));
                return null;
            case ActionKind.Download:
                var download = await lease.Page.RunAndWaitForDownloadAsync(() => locator.ClickAsync(), new PageRunAndWaitForDownloadOptions { Timeout = MaxWaitMs });
                return JsonSerializer.Serialize(download.SuggestedFilename);
            default:
                throw new ActionFailedException("unsupported_action", $"'{action.Action}' does not take a target");
        }
    }

    private static async Task<bool> OpensNewTabAsync(ILocator locator)
    {
        try
        {
            return await locator.EvaluateAsync<bool>(
                "e => { const a = e.closest('a[href][target]'); return !!a && !['', '_self', '_parent', '_top'].includes(a.target.toLowerCase()); }");
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private static FilePayload[] FilesFor(string? names, SessionSpec spec)
    {
        var files = spec.Files ?? [];
        if (files.Count == 0) throw new ActionFailedException("no_files", "the session was given no files to upload");
        var wanted = string.IsNullOrWhiteSpace(names)
            ? files
            : names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => files.FirstOrDefault(f => f.Name == n)
                    ?? throw new ActionFailedException("unknown_file", $"no file named '{n}' was given with the session (have: {string.Join(", ", files.Select(f => f.Name))})"))
                .ToList();
        return wanted.Select(f => new FilePayload
        {
            Name = f.Name,
            MimeType = f.ContentType ?? "application/octet-stream",
            Buffer = Convert.FromBase64String(f.ContentBase64),
        }).ToArray();
    }

    private async Task<TargetResolver.Resolved> ResolveAsync(IPage page, StepAction action, PageObservation observation, bool visibleOnly)
    {
        if (action.ElementId is { } id) return TargetResolver.FromElementId(id, observation);
        if (action.Target is { } target) return await TargetResolver.FromDescriptorAsync(page, target, _options.TargetWaitMs, visibleOnly);
        throw new ActionFailedException("missing_target", $"'{action.Action}' needs an elementId or a target");
    }

    private async Task<ActionOutcome> NavigateAsync(IPage page, string? url, IReadOnlyList<string>? allowedDomains)
    {
        var (uri, error) = UrlPolicy.Check(url, allowedDomains, page.Url);
        if (uri is null) return ActionOutcome.Failure("url_blocked", error!);
        if (await guard.CheckAsync(uri.ToString(), isDocument: true, allowedDomains) is { } blocked)
            return ActionOutcome.Failure("url_blocked", $"{uri} is blocked by the network policy: {blocked}");
        var response = await page.GotoAsync(uri.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is { Ok: false })
            return new ActionOutcome(false, "http_error", $"http_error: {uri} answered {response.Status}");
        return new ActionOutcome(true);
    }

    private async Task<ActionOutcome> NewTabAsync(BrowserLease lease, string? url, IReadOnlyList<string>? allowedDomains)
    {
        var page = await lease.Context.NewPageAsync();
        lease.Page = page;
        return string.IsNullOrWhiteSpace(url) ? new ActionOutcome(true) : await NavigateAsync(page, url, allowedDomains);
    }

    private static async Task<ActionOutcome> SwitchTabAsync(BrowserLease lease, string? value)
    {
        var pages = lease.Context.Pages;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index < 0 || index >= pages.Count)
            throw new ActionFailedException("unknown_tab", $"tab '{value}' does not exist; tabs 0–{pages.Count - 1} are open");
        lease.Page = pages[index];
        await lease.Page.BringToFrontAsync();
        return new ActionOutcome(true);
    }

    private static async Task<ActionOutcome> CloseTabAsync(BrowserLease lease, string? value)
    {
        var pages = lease.Context.Pages;
        var page = lease.Page;
        if (!string.IsNullOrWhiteSpace(value))
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index < 0 || index >= pages.Count)
                throw new ActionFailedException("unknown_tab", $"tab '{value}' does not exist; tabs 0–{pages.Count - 1} are open");
            page = pages[index];
        }
        await page.CloseAsync();
        var remaining = lease.Context.Pages;
        lease.Page = remaining.Count > 0 ? remaining[^1] : await lease.Context.NewPageAsync();
        return new ActionOutcome(true);
    }

    private static async Task<ActionOutcome> WaitAsync(IPage page, string? value, CancellationToken cancellationToken)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            await Task.Delay(Math.Clamp(ms, 0, MaxWaitMs), cancellationToken);
            return new ActionOutcome(true);
        }
        var text = Require(value, "milliseconds or a text to wait for");
        await page.GetByText(text).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = MaxWaitMs });
        return new ActionOutcome(true);
    }

    private static async Task<string> ExtractAsync(ILocator locator, int count)
    {
        if (count > 1)
        {
            var texts = await locator.AllInnerTextsAsync();
            return JsonSerializer.Serialize(texts.Select(t => t.Trim()).ToArray());
        }
        var tag = await locator.EvaluateAsync<string>("e => e.tagName.toLowerCase()");
        var value = tag is "input" or "textarea" or "select" ? await locator.InputValueAsync() : await locator.InnerTextAsync();
        return JsonSerializer.Serialize(value.Trim());
    }

    private static void FollowNewPage(BrowserLease lease, int pagesBefore)
    {
        var pages = lease.Context.Pages;
        if (pages.Count > pagesBefore) lease.Page = pages[^1];
        else if (lease.Page.IsClosed && pages.Count > 0) lease.Page = pages[^1];
    }

    private static async Task SettleAsync(BrowserLease lease)
    {
        try
        {
            await PageLoad.DomContentLoadedAsync(lease.Page, 10_000);
        }
        catch (TimeoutException)
        {
            // A page still loading after the action is observed as it is; the next step sees it.
        }
    }

    private static string Require(string? value, string what) =>
        string.IsNullOrEmpty(value) ? throw new ActionFailedException("missing_value", $"this action needs {what}") : value;

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
