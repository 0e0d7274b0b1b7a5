using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Datasets;
using StreamingDemo.Web.Features.Operations;

namespace StreamingDemo.Web.Tests;

/// <summary>Imported datasets (L5), walked as a workshop: the presenter imports MovieLens files, switches the site, and comes back.</summary>
public sealed class DatasetLibraryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "TinyMovieLens", file);

    private static MemoryStream Text(string content) => new MemoryStream(Encoding.UTF8.GetBytes(content));

    private static async Task<DatasetOutcome> ImportTinyAsync(DatasetLibrary library, string name)
    {
        await using var ratings = File.OpenRead(Fixture("ratings.csv"));
        await using var movies = File.OpenRead(Fixture("movies.csv"));
        return await library.ImportAsync(name, ratings, movies, cancellationToken: Cancel);
    }

    [Fact]
    public async Task AnImportedDatasetIsListedAndAfterASwitchTheHomePageRecommendsItsTitlesUntilAResetBringsTheSeededDemoBack()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        var library = site.Services.GetRequiredService<DatasetLibrary>();
        var recommender = site.Services.GetRequiredService<IRecommender>();
        var seededModel = recommender.Status.ModelVersion;
        var replaced = new List<string>();
        site.Services.GetRequiredService<StoreEvents>().Replaced += replaced.Add;
        // The importer shows "Lantern Atlas (1980)" as "Lantern Atlas" from 1980.
        var tinyTitles = File.ReadLines(Fixture("movies.csv")).Skip(1).Select(line => line.Split(',')[1][..^7]).ToHashSet();

        var imported = await ImportTinyAsync(library, "Tiny Westerns & Musicals");

        Assert.True(imported.Succeeded, imported.Message);
        Assert.Equal("Imported \"Tiny Westerns & Musicals\": 32 titles, 30 profiles, 450 ratings.", imported.Message);
        var listed = await library.ListAsync(Cancel);
        Assert.Equal([("seeded", true), ("tiny-westerns-musicals", false)], listed.Select(d => (d.Slug, d.IsLive)));
        var tiny = listed[1];
        // 30 viewers × 15 ratings, each 4 stars and up (thumbs up) or 2 and below (thumbs down).
        Assert.Equal(("Tiny Westerns & Musicals", 32, 30, 450, 450), (tiny.Name, tiny.Titles, tiny.Profiles, tiny.Viewings, tiny.Thumbs));
        Assert.Equal(seededModel, recommender.Status.ModelVersion);

        var switched = await library.SwitchAsync("tiny-westerns-musicals", cancellationToken: Cancel);

        Assert.True(switched.Succeeded, switched.Message);
        Assert.Equal(["dataset"], replaced);
        Assert.Equal([false, true], (await library.ListAsync(Cancel)).Select(d => d.IsLive));
        Assert.NotEqual(seededModel, recommender.Status.ModelVersion);
        var home = await site.Services.GetRequiredService<HomeFeed>().BuildAsync(1, DeviceType.Desktop, commit: false, newVisit: false, cancellationToken: Cancel);
        var shown = home.Rows.SelectMany(r => r.Cards).Select(c => c.Title.Name).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, name => Assert.Contains(name, tinyTitles));
        // The choice is recorded beside the database, so a restart serves the same store.
        var location = site.Services.GetRequiredService<StoreLocation>();
        Assert.Equal(location.DatabasePath, StoreLocation.Open(location.SeededPath).DatabasePath);

        await site.Services.GetRequiredService<DemoReset>().ResetAsync(cancellationToken: Cancel);

        Assert.Equal([true, false], (await library.ListAsync(Cancel)).Select(d => d.IsLive));
        Assert.Equal(location.SeededPath, StoreLocation.Open(location.SeededPath).DatabasePath);
        Assert.Equal(seededModel.Split('@')[0], recommender.Status.ModelVersion.Split('@')[0]);
    }

    [Fact]
    public async Task SwitchingBackToTheSeededStoreServesItsProfilesAgain()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        var library = site.Services.GetRequiredService<DatasetLibrary>();
        var seededNames = (await library.ListAsync(Cancel))[0];
        Assert.True((await ImportTinyAsync(library, "Tiny")).Succeeded);
        Assert.True((await library.SwitchAsync("tiny", cancellationToken: Cancel)).Succeeded);

        var back = await library.SwitchAsync(DatasetLibrary.SeededSlug, cancellationToken: Cancel);

        Assert.True(back.Succeeded, back.Message);
        Assert.Equal([true, false], (await library.ListAsync(Cancel)).Select(d => d.IsLive));
        Assert.Equal(seededNames.Profiles, (await library.ListAsync(Cancel))[0].Profiles);
        var persona = await site.Services.GetRequiredService<Features.Profiles.PersonaDirectory>().FindAsync(1, Cancel);
        Assert.NotNull(persona);
        Assert.DoesNotMatch("^User 1$", persona.Name);
    }

    [Fact]
    public async Task ABadRatingsLineIsReportedWithItsFileAndLineAndNothingIsCreated()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        var library = site.Services.GetRequiredService<DatasetLibrary>();
        var location = site.Services.GetRequiredService<StoreLocation>();
        using var movies = Text("movieId,title,genres\n1,Lantern Atlas (1980),Western\n2,Copper Atlas (1981),Musical\n");
        using var ratings = Text("userId,movieId,rating,timestamp\n1,1,4.0,1500000000\n1,2,lots,1500000600\n");

        var outcome = await library.ImportAsync("Broken", ratings, movies, cancellationToken: Cancel);

        Assert.False(outcome.Succeeded);
        Assert.Equal("ratings.csv line 3: rating 'lots' is not a number from 0 to 5. Nothing was imported.", outcome.Message);
        Assert.Equal(["seeded"], (await library.ListAsync(Cancel)).Select(d => d.Slug));
        Assert.Empty(Directory.EnumerateFileSystemEntries(location.DatasetDirectory));
    }

    [Theory]
    [InlineData("", "A dataset name is needed.")]
    [InlineData("Seeded", "A dataset name needs at least one letter or digit and cannot be \"seeded\".")]
    [InlineData("!!!", "A dataset name needs at least one letter or digit and cannot be \"seeded\".")]
    [InlineData("Tab\tname", "A dataset name cannot contain control characters such as tabs or line breaks.")]
    public async Task ARefusedNameSaysWhyAndCreatesNothing(string name, string error)
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var library = seeded.Site.Services.GetRequiredService<DatasetLibrary>();
        var location = seeded.Site.Services.GetRequiredService<StoreLocation>();

        var outcome = await library.ImportAsync(name, Text("userId,movieId,rating,timestamp\n"), Text("movieId,title,genres\n"), cancellationToken: Cancel);

        Assert.Equal(new DatasetOutcome(false, error), outcome);
        Assert.False(Directory.Exists(location.DatasetDirectory));
    }

    [Fact]
    public async Task ASecondDatasetWithTheSameNameIsRefusedAndTheFirstIsKept()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var library = seeded.Site.Services.GetRequiredService<DatasetLibrary>();
        Assert.True((await ImportTinyAsync(library, "Tiny")).Succeeded);

        var again = await ImportTinyAsync(library, "tiny");

        Assert.Equal(new DatasetOutcome(false, "There is already a dataset called \"tiny\"; choose another name."), again);
        Assert.Equal(32, (await library.ListAsync(Cancel))[1].Titles);
    }

    [Theory]
    [InlineData("Tiny Westerns & Musicals", "tiny-westerns-musicals")]
    [InlineData("  Ciné Été 2024 ", "cine-ete-2024")]
    [InlineData("../../etc", "etc")]
    public void ADatasetNameBecomesAFileNameOfLettersDigitsAndHyphens(string name, string slug) =>
        Assert.Equal(slug, DatasetLibrary.Slugify(name));
}
