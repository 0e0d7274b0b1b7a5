namespace StreamingDemo.Recommender.Ranking;

/// <summary>
/// Turns a raw ranker score into the probability that the profile enjoys the title (the match %): isotonic regression
/// (pool-adjacent-violators) fitted on profiles the ranker never trained on, each step shrunk towards the overall rate by a
/// Beta prior, interpolated linearly between blocks.
/// </summary>
internal sealed class MatchCalibrator
{
    public MatchCalibrator(float[] scores, float[] probabilities)
    {
        if (scores.Length != probabilities.Length || scores.Length == 0)
        {
            throw new ArgumentException("A calibrator needs at least one (score, probability) point.", nameof(scores));
        }

        Scores = scores;
        Probabilities = probabilities;
    }

    /// <summary>Block centres in ascending score order.</summary>
    public float[] Scores { get; }

    /// <summary>Non-decreasing probabilities at <see cref="Scores"/>.</summary>
    public float[] Probabilities { get; }

    public float Calibrate(float score)
    {
        var i = Array.BinarySearch(Scores, score);
        if (i >= 0)
        {
            return Probabilities[i];
        }

        i = ~i;
        if (i == 0)
        {
            return Probabilities[0];
        }

        if (i >= Scores.Length)
        {
            return Probabilities[^1];
        }

        var span = Scores[i] - Scores[i - 1];
        var t = span <= 0 ? 0 : (score - Scores[i - 1]) / span;
        return Probabilities[i - 1] + t * (Probabilities[i] - Probabilities[i - 1]);
    }

    /// <summary>Fewest examples behind one step of the map.</summary>
    public const int MinimumBlock = 30;

    /// <summary>Share of the examples a step must hold at least (with many examples, steps of 0.5 % each).</summary>
    public const double MinimumBlockShare = 0.005;

    /// <summary>
    /// Pseudo-outcomes at the overall rate p̄ added to every step. The rule for "100 %": a step of w starts, all enjoyed, reads
    /// (w + 20·p̄) / (w + 20): 40 of 40 with p̄ = 0.9 read 97 %, and it takes 180 of 180 to reach 99 % (then capped, see
    /// <see cref="MaximumMatch"/>).
    /// </summary>
    public const double PriorStrength = 20;

    /// <summary>
    /// The highest match the map gives: 99 %. A card saying "100% match" claims certainty, and a calibration set of a few
    /// thousand starts cannot show that; the imported MovieLens fixture, where 90 % of ratings count as enjoyed, had top steps
    /// of ~550 enjoyed starts in a row (0.9965 after the prior) whose held-out rate was 0.991.
    /// </summary>
    public const double MaximumMatch = 0.99;

    /// <summary>Fits the isotonic map from raw scores to 0/1 outcomes, each step backed by enough examples to mean something.</summary>
    public static MatchCalibrator Fit(IReadOnlyList<float> scores, IReadOnlyList<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (scores.Count == 0)
        {
            return new MatchCalibrator([0f], [0f]);
        }

        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[a].CompareTo(scores[b]) : a.CompareTo(b));

        // Blocks: sum of outcomes, weight, sum of scores. Start with ties merged, then pool adjacent violators.
        var sums = new List<double>();
        var weights = new List<double>();
        var scoreSums = new List<double>();
        foreach (var i in order)
        {
            var y = outcomes[i] ? 1.0 : 0.0;
            if (sums.Count > 0 && scoreSums[^1] / weights[^1] == scores[i])
            {
                sums[^1] += y;
                weights[^1] += 1;
                scoreSums[^1] += scores[i];
            }
            else
            {
                sums.Add(y);
                weights.Add(1);
                scoreSums.Add(scores[i]);
            }

            while (sums.Count > 1 && sums[^2] / weights[^2] >= sums[^1] / weights[^1])
            {
                sums[^2] += sums[^1];
                weights[^2] += weights[^1];
                scoreSums[^2] += scoreSums[^1];
                sums.RemoveAt(sums.Count - 1);
                weights.RemoveAt(weights.Count - 1);
                scoreSums.RemoveAt(scoreSums.Count - 1);
            }
        }

        // A block of a handful of examples says "100 %" or "0 %" on luck alone (the top scores are rare): merge blocks below
        // a minimum weight into the neighbour whose rate is closer. The merged rate lies between the two, so the map stays
        // monotone.
        var minimum = Math.Max(MinimumBlock, MinimumBlockShare * scores.Count);
        while (sums.Count > 1)
        {
            var small = -1;
            for (var b = 0; b < sums.Count; b++)
            {
                if (weights[b] < minimum && (small < 0 || weights[b] < weights[small]))
                {
                    small = b;
                }
            }

            if (small < 0)
            {
                break;
            }

            var rate = sums[small] / weights[small];
            var into = small == 0 ? 1
                : small == sums.Count - 1 ? small - 1
                : Math.Abs(sums[small - 1] / weights[small - 1] - rate) <= Math.Abs(sums[small + 1] / weights[small + 1] - rate) ? small - 1 : small + 1;
            sums[into] += sums[small];
            weights[into] += weights[small];
            scoreSums[into] += scoreSums[small];
            sums.RemoveAt(small);
            weights.RemoveAt(small);
            scoreSums.RemoveAt(small);
        }

        // A step's rate is shrunk towards the overall rate by PriorStrength pseudo-outcomes (a Beta prior): a top step of a few
        // dozen all-enjoyed starts reads ~96 %, not 100 %, and rare top scores, where pooling adjacent violators picks the luckiest
        // run, are pulled back. Shrinking a small step more than its neighbour can undo the order, so violators are pooled again.
        var prior = sums.Sum() / weights.Sum();
        double Shrunk(int b) => (sums[b] + PriorStrength * prior) / (weights[b] + PriorStrength);
        for (var b = 1; b < sums.Count;)
        {
            if (Shrunk(b - 1) >= Shrunk(b))
            {
                sums[b - 1] += sums[b];
                weights[b - 1] += weights[b];
                scoreSums[b - 1] += scoreSums[b];
                sums.RemoveAt(b);
                weights.RemoveAt(b);
                scoreSums.RemoveAt(b);
                b = Math.Max(1, b - 1);
            }
            else
            {
                b++;
            }
        }

        var centres = new float[sums.Count];
        var probabilities = new float[sums.Count];
        for (var b = 0; b < sums.Count; b++)
        {
            centres[b] = (float)(scoreSums[b] / weights[b]);
            probabilities[b] = (float)Math.Min(MaximumMatch, Shrunk(b));
        }

        // Centres of pooled blocks can coincide after float rounding; keep them strictly increasing for the search.
        for (var b = 1; b < centres.Length; b++)
        {
            if (centres[b] <= centres[b - 1])
            {
                centres[b] = MathF.BitIncrement(centres[b - 1]);
            }
        }

        return new MatchCalibrator(centres, probabilities);
    }
}
