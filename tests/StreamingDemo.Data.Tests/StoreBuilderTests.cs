using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Seeding;

namespace StreamingDemo.Data.Tests;

public sealed class StoreBuilderTests
{
    private static readonly Genre Drama = new() { Id = 1, Slug = "drama", Name = "Drama" };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A file standing for the store a new build replaces.</summary>
    private static async Task<string> OldStoreAsync(TempStore temp)
    {
        var path = temp.PathFor("store.db");
        await File.WriteAllTextAsync(path, "the old store", Cancel);
        return path;
    }

    [Fact]
    public async Task ACompletedStoreReplacesTheOldOneWithEverythingWrittenAndTheCompletionMarker()
    {
        using var temp = new TempStore();
        var path = await OldStoreAsync(temp);

        await using (var store = await StoreBuilder.CreateAsync(path, Cancel))
        {
            store.AddGenres([Drama]);
            store.AddMicroGenres([new MicroGenre { Id = 7, Slug = "quiet-drama", Name = "Quiet Dramas", GenreId = 1 }]);
            store.AddTitles([new Title
            {
                Id = 3, Name = "Harbour Lights", Year = 2019, RuntimeMinutes = 104, Maturity = "12", Synopsis = "Boats.", PrimaryGenreId = 1,
                AddedAt = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), ArtworkTheme = "default",
                Genres = [new TitleGenre { TitleId = 3, GenreId = 1 }], Tags = [new TitleTag { TitleId = 3, MicroGenreId = 7 }],
            }]);
            await store.CompleteAsync([("seed.preset", "hand-made")], Cancel);
        }

        Assert.True(await StoreFiles.IsCompleteAsync(path, Cancel));
        Assert.False(File.Exists(StoreBuilder.PartialPath(path)));
        await using var db = new StreamingDbContext(new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
        var title = await db.Titles.Include(t => t.Tags).SingleAsync(Cancel);
        Assert.Equal(("Harbour Lights", 104, 7), (title.Name, title.RuntimeMinutes, title.Tags.Single().MicroGenreId));
        Assert.Equal("hand-made", (await db.Meta.SingleAsync(m => m.Key == "seed.preset", Cancel)).Value);
    }

    [Fact]
    public async Task AStoreLeftUncompletedLeavesTheOldOneUntouchedAndNoPartialFile()
    {
        using var temp = new TempStore();
        var path = await OldStoreAsync(temp);

        await using (var store = await StoreBuilder.CreateAsync(path, Cancel))
        {
            store.AddGenres([Drama]);
        }

        Assert.Equal("the old store", await File.ReadAllTextAsync(path, Cancel));
        Assert.False(File.Exists(StoreBuilder.PartialPath(path)));
    }
}
