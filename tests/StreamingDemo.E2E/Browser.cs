using Microsoft.Playwright;

namespace StreamingDemo.E2E;

/// <summary>Headless Debian Chromium driven by Playwright (its own browser downloads are never used).</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };
    public static readonly ViewportSize Tablet = new() { Width = 820, Height = 1180 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install -y chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// Waits until the Blazor circuit handles events: the layout sets data-interactive after its first interactive
    /// render. Clicks before that land on prerendered HTML and are lost.
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator(".app-shell[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    /// <summary>Opens <paramref name="path"/> and waits for the circuit.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }
}
