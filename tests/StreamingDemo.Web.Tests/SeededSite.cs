namespace StreamingDemo.Web.Tests;

/// <summary>One seeded, trained site (small preset) shared by the tests of its collection.</summary>
public sealed class SeededSite : IAsyncLifetime
{
    public const string PresenterKey = "workshop-key-for-tests";

    public TestSite Site { get; } = new(new Dictionary<string, string?> { ["Presenter:Key"] = PresenterKey }, seeded: true);

    public async ValueTask InitializeAsync() => await Site.WhenReadyAsync().WaitAsync(TimeSpan.FromMinutes(3));

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}

[CollectionDefinition(nameof(SeededSiteCollection))]
public sealed class SeededSiteCollection : ICollectionFixture<SeededSite>;
