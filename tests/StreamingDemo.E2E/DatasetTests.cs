using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>
/// Imported datasets (L5) in a real browser, on a site of its own (a switch changes the store for everyone): an attendee
/// sees the page read-only; the presenter uploads a tiny MovieLens-format dataset, sees it listed and switches the site to it.
/// The page is captured at 1280 px and phone width into $STREAMINGDEMO_SCREENSHOTS (else the test output's "screenshots").
/// </summary>
public sealed class DatasetTests : IAsyncLifetime
{
    private readonly StreamingApp app = new();
    private readonly string folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target
        ? target
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? playwright;
    private IBrowser browser = null!;

    private static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "TinyMovieLens", file);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        app.Start();
        (playwright, browser) = await Browser.LaunchAsync();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(5));
    }

    private async Task<IPage> NewPageAsync(ViewportSize viewport, IBrowserContext? shared = null)
    {
        var context = shared ?? await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = viewport });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        return page;
    }

    [Fact]
    public async Task ThePresenterUploadsATinyDatasetSeesItListedAndSwitchesTheSiteToIt()
    {
        var attendee = await NewPageAsync(new() { Width = 1280, Height = 900 });
        await attendee.OpenAsync("/lab/datasets");
        await Expect(attendee.GetByText("Only the presenter can import or switch datasets.")).ToBeVisibleAsync();
        await Expect(attendee.GetByRole(AriaRole.Button, new() { Name = "Import" })).ToBeDisabledAsync();
        var seededRow = attendee.Locator("tr[data-dataset='seeded']");
        await Expect(seededRow.GetByText("Live")).ToBeVisibleAsync();

        var presenter = await NewPageAsync(new() { Width = 1280, Height = 900 });
        await presenter.OpenAsync("/presenter");
        await presenter.GetByLabel("Presenter key").FillAsync(StreamingApp.PresenterKey);
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(presenter.GetByText("You are signed in as the presenter in this browser.")).ToBeVisibleAsync();
        await presenter.OpenAsync("/lab/datasets");

        await presenter.GetByLabel("Dataset name").FillAsync("Tiny Westerns");
        await presenter.Locator(".ratings-upload input[type=file]").SetInputFilesAsync(Fixture("ratings.csv"));
        await presenter.Locator(".movies-upload input[type=file]").SetInputFilesAsync(Fixture("movies.csv"));
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(presenter.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported \"Tiny Westerns\": 32 titles, 30 profiles, 450 ratings." }))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        var tinyRow = presenter.Locator("tr[data-dataset='tiny-westerns']");
        await Expect(tinyRow.GetByRole(AriaRole.Rowheader)).ToContainTextAsync("Tiny Westerns");
        await Expect(tinyRow.Locator("td.num").First).ToHaveTextAsync("32");
        await ShootAsync(presenter, "lab-datasets-desktop");

        await presenter.GetByRole(AriaRole.Button, new() { Name = "Switch the site to Tiny Westerns" }).ClickAsync();
        await Expect(presenter.GetByRole(AriaRole.Status).Filter(new() { HasText = "The site now serves \"Tiny Westerns\"" }))
            .ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(tinyRow.GetByText("Live")).ToBeVisibleAsync();

        // The site serves the imported catalogue: its titles are what the catalogue lists now.
        var catalogue = await NewPageAsync(new() { Width = 1280, Height = 900 });
        await catalogue.OpenAsync("/catalog?q=Lantern");
        await Expect(catalogue.GetByRole(AriaRole.List, new() { Name = "Titles" }).GetByRole(AriaRole.Link).First).ToContainTextAsync("Lantern");

        var phone = await NewPageAsync(Browser.Phone, presenter.Context);
        await phone.OpenAsync("/lab/datasets");
        await Expect(phone.Locator("tr[data-dataset='tiny-westerns']").GetByText("Live")).ToBeVisibleAsync();
        await ShootAsync(phone, "lab-datasets-phone");
    }

    private async Task ShootAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }
}
