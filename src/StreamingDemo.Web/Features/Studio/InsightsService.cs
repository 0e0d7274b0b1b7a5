using System.Diagnostics;
using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Features.Studio;

public sealed record PauseChartView(TitleCardModel Title, PauseChart Chart);

/// <summary>
/// Insights from the viewing data (M3). The session aggregates are built once per live model in one pass over the
/// sessions (started as soon as the site is ready, see <see cref="StudioWarmup"/>), so pages read finished numbers; a
/// title's pause chart reads its own indexed rows.
/// </summary>
public sealed class InsightsService(ViewingFacts facts, ITasteCommunityAtlas atlas, CatalogService catalog, ILogger<InsightsService> logger)
{
    private const int MostPausedCount = 24;

    private readonly Lock gate = new();
    private (string Model, Task<ViewingInsights> Task)? insights;
    private ViewingInsights? lastBuilt;
    private (string Model, Task<IReadOnlyList<TitleCardModel>> Task)? mostPaused;
    private Task<(IReadOnlyDictionary<int, IReadOnlyList<int>> Tags, IReadOnlyDictionary<int, string> Names)>? tags;

    /// <summary>True once the aggregates for the live model are built (pages show progress until then).</summary>
    public bool IsReady => Current().IsCompletedSuccessfully;

    public Task<ViewingInsights> GetAsync(CancellationToken cancellationToken = default) => Current().WaitAsync(cancellationToken);

    /// <summary>Titles with the most pause points, most first (the pause chart's choices).</summary>
    public Task<IReadOnlyList<TitleCardModel>> MostPausedAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var model = atlas.ModelVersion;
            if (mostPaused is not { } cached || cached.Model != model || cached.Task.IsFaulted)
            {
                mostPaused = (model, LoadMostPausedAsync());
            }

            return mostPaused.Value.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Names of micro-genres, and the micro-genres of every title.</summary>
    public async Task<IReadOnlyDictionary<int, string>> MicroGenreNamesAsync(CancellationToken cancellationToken = default) =>
        (await TagsAsync().WaitAsync(cancellationToken)).Names;

    /// <summary>The pause and drop-off chart of a title; null for an unknown title.</summary>
    public async Task<PauseChartView?> PausesAsync(int titleId, CancellationToken cancellationToken = default)
    {
        var viewing = await facts.TitleViewingAsync(titleId, cancellationToken);
        if (viewing is null)
        {
            return null;
        }

        var cards = await catalog.GetCardsAsync([titleId], cancellationToken);
        return cards.TryGetValue(titleId, out var card) ? new PauseChartView(card, PauseChart.From(viewing)) : null;
    }

    private Task<ViewingInsights> Current()
    {
        lock (gate)
        {
            var model = atlas.ModelVersion;
            if (insights is not { } cached || cached.Model != model || cached.Task.IsFaulted)
            {
                insights = (model, Task.Run(() => BuildAsync(model)));
            }

            // While a retrained model's aggregates are being built, the previous ones stay on screen.
            var building = insights.Value.Task;
            return building.IsCompletedSuccessfully || lastBuilt is null ? building : Task.FromResult(lastBuilt);
        }
    }

    private async Task<ViewingInsights> BuildAsync(string model)
    {
        var watch = Stopwatch.StartNew();
        var dominant = atlas.DominantCommunities;
        var builder = new ViewingInsightsBuilder();
        await foreach (var session in facts.ReadSessionsAsync())
        {
            builder.Add(session, dominant.TryGetValue(session.ProfileId, out var community) ? community : null);
        }

        var (titleTags, names) = await TagsAsync();
        var result = builder.Build(model, titleTags, names);
        lock (gate)
        {
            lastBuilt = result;
        }

        logger.LogInformation("Studio insights for model {Model}: {Sessions} sessions aggregated in {Elapsed} ms", model, result.Sessions, watch.ElapsedMilliseconds);
        return result;
    }

    private Task<(IReadOnlyDictionary<int, IReadOnlyList<int>> Tags, IReadOnlyDictionary<int, string> Names)> TagsAsync()
    {
        lock (gate)
        {
            if (tags is null || tags.IsFaulted)
            {
                tags = LoadTagsAsync();
            }

            return tags;
        }
    }

    private async Task<(IReadOnlyDictionary<int, IReadOnlyList<int>> Tags, IReadOnlyDictionary<int, string> Names)> LoadTagsAsync()
    {
        var rows = await facts.TitleTagsAsync();
        return (
            rows.GroupBy(r => r.TitleId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(r => r.MicroGenreId)]),
            rows.GroupBy(r => r.MicroGenreId).ToDictionary(g => g.Key, g => g.First().Name));
    }

    private async Task<IReadOnlyList<TitleCardModel>> LoadMostPausedAsync()
    {
        var ranked = await facts.MostPausedTitlesAsync(MostPausedCount);
        var cards = await catalog.GetCardsAsync([.. ranked.Select(r => r.TitleId)]);
        return [.. ranked.Where(r => cards.ContainsKey(r.TitleId)).Select(r => cards[r.TitleId])];
    }
}

/// <summary>
/// Starts the studio's aggregates as soon as the first model is live (the insights pass, the data billboards, then every community's influence
/// spread), so the first studio visit finds them ready.
/// </summary>
public sealed class StudioWarmup(IFirstRunStatus firstRun, InsightsService insights, CommunityService communities, BillboardService billboards, ITasteCommunityAtlas atlas, ILogger<StudioWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(FirstRunProgress progress)
        {
            if (progress.IsReady)
            {
                ready.TrySetResult();
            }
        }

        firstRun.Changed += OnChanged;
        try
        {
            OnChanged(firstRun.Current);
            await ready.Task.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            firstRun.Changed -= OnChanged;
        }

        try
        {
            await insights.GetAsync(stoppingToken);
            await billboards.GetAsync(stoppingToken);
            foreach (var community in atlas.Communities)
            {
                await communities.DetailAsync(community.Id, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down before the aggregates finished: the next start builds them again.
        }
        catch (Exception error) when (error is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogWarning(error, "Studio insights could not be built ahead of time; the insights page builds them on first visit");
        }
    }
}
