using Microsoft.Playwright;

namespace StreamingDemo.E2E;

/// <summary>
/// One seeded site and one browser shared by every test in the "Site" collection. Each test opens its own
/// browser context (fresh cookies) with <see cref="NewPageAsync"/>.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public StreamingApp App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App.Start();
        (playwright, Browser) = await E2E.Browser.LaunchAsync();
        await App.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(5));
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = viewport ?? E2E.Browser.Desktop,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Site";
}
