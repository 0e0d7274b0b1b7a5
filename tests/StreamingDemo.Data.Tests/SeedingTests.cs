using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data.Seeding;

namespace StreamingDemo.Data.Tests;

public sealed class SeedingTests(SmallStoreFixture store) : IClassFixture<SmallStoreFixture>
{
    [Fact]
    public async Task SameSeedGivesTheSameDatabaseContent()
    {
        using var temp = new TempStore();
        var again = temp.PathFor("again.db");
        await DatabaseSeeder.SeedAsync(again, SeedPresets.Small, seed: 7, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StoreFingerprint.Compute(store.DatabasePath), StoreFingerprint.Compute(again));
    }

    [Fact]
    public async Task DifferentSeedGivesADifferentWorld()
    {
        using var temp = new TempStore();
        var other = temp.PathFor("other.db");
        await DatabaseSeeder.SeedAsync(other, SeedPresets.Small, seed: 8, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(StoreFingerprint.Compute(store.DatabasePath), StoreFingerprint.Compute(other));
    }

    [Fact]
    public async Task SeededStoreIsFullyMigratedAndMatchesTheModel()
    {
        await using var context = Open();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(context.Database.HasPendingModelChanges(), "The EF model has changes that no migration captures.");
    }

    [Fact]
    public async Task SeedingFillsThePresetsCounts()
    {
        await using var context = Open();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(SeedPresets.Small.Titles, await context.Titles.CountAsync(ct));
        Assert.Equal(SeedPresets.Small.Profiles, await context.Profiles.CountAsync(ct));
        var sessions = await context.ViewingSessions.CountAsync(ct);
        // The small catalogue runs out of unseen titles for the heaviest viewers sooner than demo or large do.
        Assert.InRange(sessions, SeedPresets.Small.TargetSessions * 0.9, SeedPresets.Small.TargetSessions * 1.15);
        Assert.Equal(sessions, store.Summary.Sessions);
        Assert.True(await context.Episodes.AnyAsync(ct));
        Assert.True(await context.PausePoints.AnyAsync(ct));
        Assert.True(await context.InfluenceEdges.AnyAsync(ct));
        Assert.Equal("true", (await context.Meta.SingleAsync(m => m.Key == StoreBuilder.CompletedKey, ct)).Value);
    }

    [Fact]
    public async Task EveryTitleHasTagsCreditsArtworkAndEpisodesWhenItIsASeries()
    {
        await using var context = Open();
        var titles = await context.Titles.Include(t => t.Tags).Include(t => t.Credits).Include(t => t.ArtworkVariants).Include(t => t.Episodes)
            .AsSplitQuery().ToListAsync(TestContext.Current.CancellationToken);

        Assert.All(titles, t =>
        {
            Assert.InRange(t.Tags.Count, 2, 4);
            Assert.Contains(t.Credits, c => c.Role is Entities.CreditRole.Director or Entities.CreditRole.Creator);
            Assert.True(t.ArtworkVariants.Count >= 3);
            Assert.Equal(t.Kind == Domain.TitleKind.Series, t.Episodes.Count > 0);
            Assert.DoesNotContain("{", t.Name + t.Synopsis, StringComparison.Ordinal);
            Assert.DoesNotContain("lorem", t.Synopsis, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(titles.Count, titles.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task EveryArtworkVariantSuitsItsTitlesGenresAndTheDefaultComesFirst()
    {
        await using var context = Open();
        var titles = await context.Titles.Include(t => t.Genres).Include(t => t.ArtworkVariants)
            .AsSplitQuery().ToListAsync(TestContext.Current.CancellationToken);
        var vocabulary = Seeding.SeedVocabulary.Default;
        var slugOf = vocabulary.Genres.ToDictionary(g => g.Id, g => g.Slug);

        Assert.All(titles, t =>
        {
            var suited = t.Genres.Select(g => slugOf[g.GenreId]).Append(slugOf[t.PrimaryGenreId])
                .SelectMany(slug => vocabulary.Artwork.GenreThemes[slug]).ToHashSet();
            var themes = t.ArtworkVariants.OrderBy(v => v.Id).Select(v => v.Theme).ToList();
            Assert.Equal(vocabulary.Artwork.GenreDefaults[slugOf[t.PrimaryGenreId]], themes[0]);
            Assert.Equal(4, themes.Distinct().Count());
            // Every genre lists at least four themes, so a title never needs one that does not suit it.
            Assert.All(themes, theme => Assert.Contains(theme, suited));
        });
        // Not one theme for everything: a crime title is never drawn as the kids' whimsical poster, a kids title never as eerie.
        var crime = vocabulary.Genres.Single(g => g.Slug == "crime").Id;
        Assert.DoesNotContain(titles.Where(t => t.PrimaryGenreId == crime && t.Genres.All(g => g.GenreId == crime)).SelectMany(t => t.ArtworkVariants), v => v.Theme == "whimsical");
        Assert.DoesNotContain(titles.Where(t => t.IsKids).SelectMany(t => t.ArtworkVariants), v => v.Theme is "eerie" or "dark");
    }

    private StreamingDbContext Open() =>
        new(new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite($"Data Source={store.DatabasePath};Pooling=False").Options);
}
