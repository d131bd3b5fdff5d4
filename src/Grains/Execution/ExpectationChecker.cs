using Microsoft.Playwright;

namespace RpaOrleans.Execution;

/// <summary>Checks an action's expected effect, waiting briefly for it to show.</summary>
public static class ExpectationChecker
{
    /// <summary>Null when every stated expectation holds within <paramref name="timeoutMs"/>, else what did not.</summary>
    public static async Task<string?> CheckAsync(IPage page, Expectation expect, int timeoutMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        string? failure;
        do
        {
            failure = await CheckOnceAsync(page, expect);
            if (failure is null) return null;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return failure;
    }

    private static async Task<string?> CheckOnceAsync(IPage page, Expectation expect)
    {
        try
        {
            if (expect.UrlContains is { } fragment && !page.Url.Contains(fragment, StringComparison.Ordinal))
                return $"the URL {page.Url} does not contain '{fragment}'";
            if (expect.TextAppears is { } appears && await page.GetByText(appears).Filter(new LocatorFilterOptions { Visible = true }).CountAsync() == 0)
                return $"the text '{appears}' did not appear";
            if (expect.TextDisappears is { } gone && await page.GetByText(gone).Filter(new LocatorFilterOptions { Visible = true }).CountAsync() > 0)
                return $"the text '{gone}' is still shown";
            if (expect.Target is { } target)
            {
                var resolved = await TargetResolver.FromDescriptorAsync(page, target, 0, visibleOnly: false);
                var locator = resolved.Locator.First;
                var state = (expect.State ?? "visible").ToLowerInvariant();
                var holds = state switch
                {
                    "visible" => await locator.IsVisibleAsync(),
                    "hidden" => await locator.IsHiddenAsync(),
                    "checked" => await locator.IsCheckedAsync(),
                    "unchecked" => !await locator.IsCheckedAsync(),
                    "enabled" => await locator.IsEnabledAsync(),
                    "disabled" => await locator.IsDisabledAsync(),
                    _ => throw new ActionFailedException("invalid_expectation", $"unknown state '{state}'"),
                };
                if (!holds) return $"{target} is not {state}";
            }
            return null;
        }
        catch (ActionFailedException ex) when (ex.Code == "target_not_found")
        {
            return expect.State?.Equals("hidden", StringComparison.OrdinalIgnoreCase) == true ? null : $"{expect.Target} is not on the page";
        }
    }
}
