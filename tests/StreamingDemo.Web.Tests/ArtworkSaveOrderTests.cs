using StreamingDemo.Web.Features.Artwork;

namespace StreamingDemo.Web.Tests;

/// <summary>
/// The artwork bandit's saves serialise outside its lock and may overlap (ADR 0033): a save that finishes writing after a
/// newer one never puts older learning back, and none ticketed before a presenter reset lands after it.
/// </summary>
public sealed class ArtworkSaveOrderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "streamingdemo-save-order-" + Guid.NewGuid().ToString("N"));

    public ArtworkSaveOrderTests() => Directory.CreateDirectory(directory);

    private string State => Path.Combine(directory, "artwork-bandit.json");

    [Fact]
    public void AnOlderSnapshotWrittenAfterANewerOneIsNotMovedOverIt()
    {
        var order = new BanditSaveOrder();
        var older = order.Take(State);
        var newer = order.Take(State);

        Assert.True(order.Move(newer, Written("newer")));
        var late = Written("older");
        Assert.False(order.Move(older, late));

        Assert.Equal("newer", File.ReadAllText(State));
        // Not moved: the caller's to delete.
        Assert.True(File.Exists(late));
        // In order, each lands.
        Assert.True(order.Move(order.Take(State), Written("newest")));
        Assert.Equal("newest", File.ReadAllText(State));
    }

    [Fact]
    public void ASaveTicketedBeforeAResetDoesNotBringTheDeletedFileBack()
    {
        var order = new BanditSaveOrder();
        Assert.True(order.Move(order.Take(State), Written("the room's learning")));
        var before = order.Take(State);

        Assert.True(order.Reset(State));
        Assert.False(File.Exists(State));
        Assert.False(order.Move(before, Written("the room's learning, later")));
        Assert.False(File.Exists(State));
        Assert.False(order.Reset(State));

        // The bandit warm-started after the reset saves as usual.
        Assert.True(order.Move(order.Take(State), Written("warm start")));
        Assert.Equal("warm start", File.ReadAllText(State));
    }

    [Fact]
    public void EachFileKeepsItsOwnOrder()
    {
        var order = new BanditSaveOrder();
        var dataset = Path.Combine(directory, "artwork-bandit.imported.json");
        var seeded = order.Take(State);
        Assert.True(order.Move(order.Take(dataset), Written("imported")));

        // A newer save of another store's file does not hold this one back.
        Assert.True(order.Move(seeded, Written("seeded")));
        Assert.Equal(("seeded", "imported"), (File.ReadAllText(State), File.ReadAllText(dataset)));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Written(string content)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(path, content);
        return path;
    }
}
