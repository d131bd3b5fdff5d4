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
    private readonly BrowserOptions _options = options.Value;

    /// <param name="typeValue">The text to type after secrets are substituted; only the executor sees it.</param>
    public async Task<ActionOutcome> ExecuteAsync(
        BrowserLease lease, StepAction action, PageObservation observation, IReadOnlyList<string>? allowedDomains,
        CancellationToken cancellationToken)
    {
        TargetDescriptor? descriptor = action.Target;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (action.Action)
            {
                case ActionKind.Navigate:
                    return await NavigateAsync(lease.Page, action, allowedDomains);
                case ActionKind.Back:
                    await lease.Page.GoBackAsync(new PageGoBackOptions { WaitUntil = WaitUntilState.Load });
                    return new ActionOutcome(true);
                case ActionKind.Finish:
                    return new ActionOutcome(true, Output: action.Result);
                case ActionKind.Scroll when action.ElementId is null && action.Target is null:
                    var up = string.Equals(action.Value, "up", StringComparison.OrdinalIgnoreCase);
                    await lease.Page.EvaluateAsync("d => window.scrollBy(0, d)", (up ? -0.8 : 0.8) * _options.ViewportHeight);
                    return new ActionOutcome(true);
                case ActionKind.Wait when action.ElementId is null && action.Target is null:
                    return await WaitAsync(lease.Page, action.Value, cancellationToken);
                case ActionKind.Press when action.ElementId is null && action.Target is null:
                    await lease.Page.Keyboard.PressAsync(Require(action.Value, "a key to press"));
                    await SettleAsync(lease);
                    return new ActionOutcome(true);
                case ActionKind.Extract when action.ElementId is null && action.Target is null:
                    var text = await lease.Page.InnerTextAsync("body");
                    return new ActionOutcome(true, Output: JsonSerializer.Serialize(text.Trim()));
            }

            var target = await ResolveAsync(lease.Page, action, observation, allowVisibleOnly: action.Action != ActionKind.Extract);
            descriptor = target.Descriptor;
            var locator = target.Locator;
            string? output = null;
            var pagesBefore = lease.Context.Pages.Count;
            switch (action.Action)
            {
                case ActionKind.Click:
                    await locator.ClickAsync();
                    break;
                case ActionKind.Type:
                    await locator.FillAsync(action.Value ?? "");
                    if (action.Submit == true) await locator.PressAsync("Enter");
                    break;
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
                    break;
                case ActionKind.Check:
                    await locator.CheckAsync();
                    break;
                case ActionKind.Uncheck:
                    await locator.UncheckAsync();
                    break;
                case ActionKind.Hover:
                    await locator.HoverAsync();
                    break;
                case ActionKind.Press:
                    await locator.PressAsync(Require(action.Value, "a key to press"));
                    break;
                case ActionKind.Scroll:
                    await locator.ScrollIntoViewIfNeededAsync();
                    break;
                case ActionKind.Wait:
                    await locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = MaxWaitMs });
                    break;
                case ActionKind.Extract:
                    output = await ExtractAsync(locator, target.Count);
                    break;
                default:
                    throw new ActionFailedException("unsupported_action", $"'{action.Action}' is not supported");
            }
            FollowNewPage(lease, pagesBefore);
            await SettleAsync(lease);
            return new ActionOutcome(true, Target: descriptor, Box: target.Box, Output: output);
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

    private async Task<TargetResolver.Resolved> ResolveAsync(IPage page, StepAction action, PageObservation observation, bool allowVisibleOnly)
    {
        if (action.ElementId is { } id) return TargetResolver.FromElementId(id, observation);
        if (action.Target is { } target) return await TargetResolver.FromDescriptorAsync(page, target, _options.TargetWaitMs, allowVisibleOnly);
        throw new ActionFailedException("missing_target", $"'{action.Action}' needs an elementId or a target");
    }

    private async Task<ActionOutcome> NavigateAsync(IPage page, StepAction action, IReadOnlyList<string>? allowedDomains)
    {
        var (uri, error) = UrlPolicy.Check(action.Url ?? action.Value, allowedDomains, page.Url);
        if (uri is null) return ActionOutcome.Failure("url_blocked", error!);
        if (await guard.CheckAsync(uri.ToString(), isDocument: true, allowedDomains) is { } blocked)
            return ActionOutcome.Failure("url_blocked", $"{uri} is blocked by the network policy: {blocked}");
        var response = await page.GotoAsync(uri.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is { Ok: false })
            return new ActionOutcome(false, "http_error", $"http_error: {uri} answered {response.Status}");
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
            await lease.Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = 10_000 });
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
