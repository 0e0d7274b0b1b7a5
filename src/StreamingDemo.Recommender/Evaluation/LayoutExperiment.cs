using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Evaluation;

/// <summary>What an offline A/B run (L3) compares: two layouts, a sample of profiles, a device and a seed.</summary>
public sealed record LayoutExperimentRequest(HomeLayout A, HomeLayout B, int SampleSize, int Seed, DeviceType Device = DeviceType.Desktop);

/// <summary>A mean over the sampled profiles with its 95% confidence interval (normal approximation, mean ± 1.96 · s/√n).</summary>
public sealed record Estimate(double Mean, double Low, double High)
{
    public static Estimate Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new Estimate(0, 0, 0);
        }

        var mean = values.Average();
        var sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        var half = 1.96 * sd / Math.Sqrt(values.Count);
        return new Estimate(mean, mean - half, mean + half);
    }
}

/// <summary>
/// One layout's figures over the sample. Expected plays and hit rate are per profile (with their spread); coverage is over
/// the whole sample; diversity and novelty are per page, averaged.
/// </summary>
public sealed record LayoutMetrics(
    string Layout,
    Estimate ExpectedPlays,
    Estimate HitRate,
    double Coverage,
    Estimate IntraPageDiversity,
    Estimate Novelty,
    double VisibleTitlesPerPage);

public sealed record LayoutExperimentResult(
    LayoutMetrics A,
    LayoutMetrics B,
    Estimate ExpectedPlaysDifference,
    int Profiles,
    int HeldOutTitles,
    string ModelVersion,
    string PositionBias);

/// <summary>
/// Offline A/B of two home-page layouts (L3). Each sampled profile's most recent fifth of its positive titles is held out;
/// the whole recommender is trained on the rest; then both layouts compose that profile's page with the same model, and
/// each page is scored against the held-out viewing. Expected plays use a stated position-bias model (see
/// <see cref="PositionBias"/>): a held-out title on screen counts with the chance its position is looked at.
/// The same snapshot, seed and layouts give the same figures.
/// </summary>
public static class LayoutExperiment
{
    /// <summary>The examination model expected plays use.</summary>
    public const string PositionBias =
        "A card in row r (0 = top) and column c (0 = left) of the visible page is looked at with probability 0.85^r × 0.8^c (rows are scanned top to bottom, each row left to right, attention decaying geometrically); a held-out title that is looked at counts as one expected play.";

    private const double RowDecay = 0.85;
    private const double ColumnDecay = 0.8;

    public static LayoutExperimentResult Run(InteractionSnapshot snapshot, LayoutExperimentRequest request, RecommenderOptions options,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.SampleSize, 1);

        // 1. Sample profiles with enough positive viewing, and hold out the most recent fifth of it.
        var random = new Random(request.Seed);
        var eligible = snapshot.Interactions.GroupBy(i => i.ProfileId)
            .Select(g => (Profile: g.Key, Positives: g.Where(ImplicitSignal.IsPositive).OrderByDescending(i => i.LastAt).ThenBy(i => i.TitleId).ToList()))
            .Where(p => p.Positives.Count >= 5).OrderBy(p => p.Profile).ToArray();
        random.Shuffle(eligible);
        var sample = eligible.Take(request.SampleSize).OrderBy(p => p.Profile).ToList();
        var heldOut = sample.ToDictionary(p => p.Profile, p => p.Positives.Take(Math.Max(1, p.Positives.Count / 5)).Select(i => i.TitleId).ToHashSet());
        var training = snapshot with
        {
            Interactions = [.. snapshot.Interactions.Where(i => !(heldOut.TryGetValue(i.ProfileId, out var held) && held.Contains(i.TitleId)))],
        };
        progress?.Report(0.05);
        ct.ThrowIfCancellationRequested();

        // 2. Train the whole system on what is left (the site's options and seed: same data, same model).
        var model = RecommenderTrainer.Train(training, options, ct: ct);
        progress?.Report(0.6);

        // 3. Compose both pages for every sampled profile and score them.
        var popularity = new double[model.Catalog.TitleCount];
        foreach (var i in training.Interactions)
        {
            if (model.Catalog.TryTitle(i.TitleId, out var t))
            {
                popularity[t]++;
            }
        }

        var profiles = Math.Max(1, training.Profiles.Count);
        var a = new Accumulator(request.A.Name);
        var b = new Accumulator(request.B.Name);
        var builder = new HomePageBuilder(model);
        for (var s = 0; s < sample.Count; s++)
        {
            ct.ThrowIfCancellationRequested();
            var profileId = sample[s].Profile;
            var state = model.Profiles.TryGetValue(profileId, out var trained) ? trained : model.BuildState(profileId, false, [], [], []);
            using (var scorer = model.Scorer(state))
            {
                a.Add(Page(builder, scorer, profileId, request.A, request.Device), request.A.For(request.Device), heldOut[profileId], model, popularity, profiles);
            }

            using (var scorer = model.Scorer(state))
            {
                b.Add(Page(builder, scorer, profileId, request.B, request.Device), request.B.For(request.Device), heldOut[profileId], model, popularity, profiles);
            }

            progress?.Report(0.6 + (0.4 * (s + 1) / sample.Count));
        }

        var difference = Estimate.Of([.. a.Plays.Zip(b.Plays, (x, y) => x - y)]);
        return new LayoutExperimentResult(a.Result(model.Catalog.TitleCount), b.Result(model.Catalog.TitleCount), difference, sample.Count,
            heldOut.Values.Sum(h => h.Count), model.ModelVersion, PositionBias);
    }

    private static HomePage Page(HomePageBuilder builder, ProfileScorer scorer, int profileId, HomeLayout layout, DeviceType device) =>
        // Visit 0: the page a returning viewer gets first, without per-visit reshuffling.
        builder.Compose(scorer, new HomePageRequest(profileId, device, [], 0, layout), DateTime.UnixEpoch);

    private sealed class Accumulator(string name)
    {
        private readonly HashSet<int> seen = [];
        private readonly List<double> hits = [];
        private readonly List<double> diversity = [];
        private readonly List<double> novelty = [];
        private long visibleCards;

        public List<double> Plays { get; } = [];

        public void Add(HomePage page, DeviceLayout shape, HashSet<int> held, RecommenderModel model, double[] popularity, int profiles)
        {
            var plays = 0.0;
            var visible = new List<int>();
            var rows = page.Rows.Take(shape.Rows).ToList();
            for (var r = 0; r < rows.Count; r++)
            {
                var cards = rows[r].Items.Take(shape.CardsPerRow).ToList();
                for (var c = 0; c < cards.Count; c++)
                {
                    var id = cards[c].TitleId;
                    visible.Add(id);
                    if (held.Contains(id))
                    {
                        plays += Math.Pow(RowDecay, r) * Math.Pow(ColumnDecay, c);
                    }
                }
            }

            Plays.Add(plays);
            hits.Add(visible.Any(held.Contains) ? 1 : 0);
            seen.UnionWith(visible);
            visibleCards += visible.Count;
            var indices = visible.Distinct().Select(id => model.Catalog.TryTitle(id, out var t) ? t : -1).Where(t => t >= 0).ToList();
            diversity.Add(Dissimilarity(indices, model));
            // Novelty: mean self-information of the titles on screen, -log2(share of profiles that watched it).
            novelty.Add(indices.Count == 0 ? 0 : indices.Average(t => -Math.Log2((popularity[t] + 1) / (profiles + 1))));
        }

        public LayoutMetrics Result(int catalogue) => new(name, Estimate.Of(Plays), Estimate.Of(hits), catalogue == 0 ? 0 : (double)seen.Count / catalogue,
            Estimate.Of(diversity), Estimate.Of(novelty), Plays.Count == 0 ? 0 : (double)visibleCards / Plays.Count);

        /// <summary>Mean pairwise dissimilarity (1 − Jaccard of micro-genres) of the titles on one page.</summary>
        private static double Dissimilarity(List<int> titles, RecommenderModel model)
        {
            if (titles.Count < 2)
            {
                return 0;
            }

            var sum = 0.0;
            var pairs = 0;
            for (var i = 0; i < titles.Count; i++)
            {
                var x = model.Catalog.TitleTags[titles[i]];
                for (var j = i + 1; j < titles.Count; j++)
                {
                    var y = model.Catalog.TitleTags[titles[j]];
                    var shared = x.Intersect(y).Count();
                    var union = x.Length + y.Length - shared;
                    sum += union == 0 ? 0 : 1 - ((double)shared / union);
                    pairs++;
                }
            }

            return sum / pairs;
        }
    }
}
