using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Web.Features.Lab;

namespace StreamingDemo.Web.Tests;

/// <summary>Stored layouts: built-ins are written once and read-only; saves are validated, versioned and never overwrite another's.</summary>
[Collection(nameof(SeededStoreCollection))]
public sealed class LayoutLibraryTests(SeededStore store)
{
    private LayoutLibrary NewLibrary() => new(store.Contexts, new Features.Operations.StoreWriteGate(), TimeProvider.System);

    [Fact]
    public async Task TheBuiltInLayoutsAreThereOnceInTheirOrderAndReadOnly()
    {
        using var library = NewLibrary();
        using var again = NewLibrary();
        await again.EnsureBuiltInsAsync(TestContext.Current.CancellationToken);

        var layouts = await library.ListAsync(TestContext.Current.CancellationToken);
        var builtIns = layouts.Where(l => l.IsBuiltIn).ToList();

        Assert.Equal(["netflix-style", "genre-shelves", "discovery-first"], builtIns.Select(l => l.Slug));
        Assert.Equal(LayoutJson.Serialize(BuiltInLayouts.NetflixStyle), LayoutJson.Serialize(builtIns[0].Layout));
        var update = await library.UpdateAsync(builtIns[0].Id, BuiltInLayouts.NetflixStyle with { ExplorationRate = 0.2 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(LayoutSaveStatus.ReadOnly, update.Status);
        Assert.Equal(LayoutDeleteStatus.ReadOnly, await library.DeleteAsync(builtIns[1].Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ALayoutIsCreatedUpdatedWithItsVersionAndAStaleSaveChangesNothing()
    {
        using var library = NewLibrary();
        var ct = TestContext.Current.CancellationToken;
        var created = await library.CreateAsync(BuiltInLayouts.GenreShelves with { Name = "  Shelves for kids  " }, ct);

        Assert.Equal(LayoutSaveStatus.Saved, created.Status);
        Assert.Equal("Shelves for kids", created.Layout!.Name);
        Assert.Equal("shelves-for-kids", created.Layout.Slug);

        var first = await library.UpdateAsync(created.Layout.Id, created.Layout.Layout with { Repermutation = 0.5 }, expectedVersion: 1, ct);
        var stale = await library.UpdateAsync(created.Layout.Id, created.Layout.Layout with { Repermutation = 0.9 }, expectedVersion: 1, ct);

        Assert.Equal(2, first.Layout!.Version);
        Assert.Equal(LayoutSaveStatus.Conflict, stale.Status);
        Assert.Equal(0.5, (await library.GetAsync(created.Layout.Id, ct))!.Layout.Repermutation);
        Assert.Equal(LayoutDeleteStatus.Deleted, await library.DeleteAsync(created.Layout.Id, ct));
        Assert.Null(await library.FindAsync("shelves-for-kids", ct));
    }

    [Fact]
    public async Task AnInvalidLayoutOrATakenNameIsNotSaved()
    {
        using var library = NewLibrary();
        var ct = TestContext.Current.CancellationToken;
        var before = (await library.ListAsync(ct)).Count;

        var taken = await library.CreateAsync(BuiltInLayouts.NetflixStyle with { Name = "NETFLIX-STYLE" }, ct);
        var unknownGenre = await library.CreateAsync(BuiltInLayouts.GenreShelves with { Name = "Named shelves", Rows = [new LayoutRow { Kind = RowKind.MicroGenre, MicroGenres = ["not-a-micro-genre"] }] }, ct);
        var broken = await library.ImportAsync("""{ "name": "Broken", "rows": [ { "kind": "topPicks", "seeds": 2 } ], "devices": {} }""", ct);

        Assert.Equal(["name"], taken.Errors.Keys);
        Assert.Equal(["rows[0].microGenres[0]"], unknownGenre.Errors.Keys);
        Assert.Contains("rows[0].seeds", broken.Errors.Keys);
        Assert.Contains("devices.tv", broken.Errors.Keys);
        Assert.Equal(before, (await library.ListAsync(ct)).Count);
    }

    [Fact]
    public async Task ClonesAreNamedCopyThenCopyTwoAndExportImportsBack()
    {
        using var library = NewLibrary();
        var ct = TestContext.Current.CancellationToken;
        var source = (await library.FindAsync(BuiltInLayouts.DiscoveryFirstSlug, ct))!;

        var first = await library.CloneAsync(source.Id, ct);
        var second = await library.CloneAsync(source.Id, ct);
        Assert.Equal("Discovery first (copy)", first.Layout!.Name);
        Assert.Equal("Discovery first (copy 2)", second.Layout!.Name);
        Assert.False(first.Layout.IsBuiltIn);

        var json = LayoutLibrary.Export(first.Layout).Replace("Discovery first (copy)", "Discovery imported", StringComparison.Ordinal);
        var imported = await library.ImportAsync(json, ct);
        Assert.Equal(LayoutJson.Serialize(source.Layout with { Name = "Discovery imported" }), LayoutJson.Serialize(imported.Layout!.Layout));
    }
}
