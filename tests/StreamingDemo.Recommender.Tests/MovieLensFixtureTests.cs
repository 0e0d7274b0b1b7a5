using Microsoft.Data.Sqlite;
using StreamingDemo.Data;
using StreamingDemo.Data.Import;
using StreamingDemo.Recommender.Evaluation;

namespace StreamingDemo.Recommender.Tests;

/// <summary>
/// The MovieLens path end to end on a fixture of our own making (Fixtures/MovieLensFormat, written by make_fixture.py: 90
/// invented titles in three taste groups, 200 invented viewers, 5,125 ratings): import, then evaluate.
/// </summary>
public sealed class MovieLensFixtureTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "MovieLensFormat");

    private static readonly RecommenderOptions Options = new() { RankerProfiles = 160, RankerTrees = 30, Factors = 16 };

    private readonly string directory = Path.Combine(Path.GetTempPath(), "streamingdemo-fixture-" + Guid.NewGuid().ToString("N"));

    public MovieLensFixtureTests() => Directory.CreateDirectory(directory);

    private async Task<Domain.InteractionSnapshot> ImportAsync(string ratings, string name)
    {
        var db = Path.Combine(directory, name + ".db");
        await MovieLensImporter.ImportAsync(ratings, Path.Combine(Fixture, "movies.csv"), db, cancellationToken: TestContext.Current.CancellationToken);
        return await new SqliteInteractionSource(new StoreLocation(db)).LoadSnapshotAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheFixtureImportsAndEvaluatesWithTheSystemAheadOfMostPopular()
    {
        var snapshot = await ImportAsync(Path.Combine(Fixture, "ratings.csv"), "fixture");
        var report = OfflineEvaluator.Evaluate(snapshot, null, "fixture", EvaluationProtocol.Random8020, Options, ct: TestContext.Current.CancellationToken);
        var popular = report.Models.Single(m => m.Name == "most-popular");
        var system = report.Models.Single(m => m.Name == "system");

        Assert.Equal((90, 200, 5125), (snapshot.Titles.Count, snapshot.Profiles.Count, snapshot.Interactions.Count));
        Assert.Equal("Atlas Quarry, The", snapshot.Titles.Single(t => t.Id == 11).Name);
        Assert.True(system.NdcgAt10 > popular.NdcgAt10 * 1.2, $"system {system.NdcgAt10:0.000} vs most-popular {popular.NdcgAt10:0.000}");
        Assert.True(report.PlacedCalibration!.Count > 0);
        Assert.Null(report.Communities.Ari);
    }

    [Fact]
    public async Task NoCardOnTheFixtureReads100PercentOnLuck()
    {
        // 90 % of the fixture's ratings count as enjoyed, so the isotonic top step read 1.0 and cards said "100% match". With
        // the prior and the cap (MatchCalibrator.PriorStrength, MaximumMatch) the top step reads 99 % at most.
        var snapshot = await ImportAsync(Path.Combine(Fixture, "ratings.csv"), "calibrated");
        var model = Training.RecommenderTrainer.Train(snapshot, Options, ct: TestContext.Current.CancellationToken);
        var top = model.Calibrator.Probabilities.Max();
        var profileId = snapshot.Profiles[0].Id;
        using var scorer = model.Scorer(model.Profiles[profileId]);
        var page = new Serving.HomePageBuilder(model).Compose(scorer, new Domain.HomePageRequest(profileId, Domain.DeviceType.Desktop, []), snapshot.AsOf);

        Assert.InRange(top, 0.9f, (float)Ranking.MatchCalibrator.MaximumMatch);
        Assert.All(page.Rows.SelectMany(r => r.Items), card => Assert.True(card.MatchPercent < 100, $"title {card.TitleId} reads {card.MatchPercent}%"));
    }

    [Fact]
    public async Task ATitlesAddedDateDoesNotComeFromItsRatings()
    {
        // Evaluation may hold out any rating, including a title's first: the date the title joined the catalogue must not
        // move when that rating is gone, or the store would tell the model about a held-out viewing.
        var lines = await File.ReadAllLinesAsync(Path.Combine(Fixture, "ratings.csv"), TestContext.Current.CancellationToken);
        var firstOfEach = lines.Skip(1).Select(l => l.Split(',')).GroupBy(f => f[1]).Select(g => g.MinBy(f => long.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture))!)
            .Select(f => string.Join(',', f)).ToHashSet();
        var without = Path.Combine(directory, "without-first-ratings.csv");
        await File.WriteAllLinesAsync(without, lines.Where(l => !firstOfEach.Contains(l)), TestContext.Current.CancellationToken);

        var all = await ImportAsync(Path.Combine(Fixture, "ratings.csv"), "all");
        var held = await ImportAsync(without, "held");

        Assert.Equal(90, firstOfEach.Count);
        Assert.Equal(all.Titles.Select(t => (t.Id, t.AddedAt)), held.Titles.Select(t => (t.Id, t.AddedAt)));
        Assert.Equal(new DateTime(1992, 1, 1, 0, 0, 0, DateTimeKind.Utc), all.Titles.Single(t => t.Id == 1).AddedAt);
        Assert.Equal(new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc), all.Titles.Single(t => t.Id == 25).AddedAt);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
