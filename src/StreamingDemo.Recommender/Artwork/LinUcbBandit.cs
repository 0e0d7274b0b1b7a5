using System.Numerics.Tensors;
using System.Text.Json;

namespace StreamingDemo.Recommender.Artwork;

/// <summary>
/// A disjoint LinUCB contextual bandit (Li, Chu, Langford, Schapire 2010): one ridge regression per arm (an artwork
/// theme) from the context to the chance of a play, chosen by the upper confidence bound θ·x + α √(xᵀA⁻¹x).
/// A⁻¹ is kept directly with Sherman–Morrison updates, so learning from one impression costs O(d²).
/// </summary>
public sealed class LinUcbBandit
{
    private readonly Dictionary<string, Arm> arms = new(StringComparer.Ordinal);

    public LinUcbBandit(int dimension, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(alpha);
        Dimension = dimension;
        Alpha = alpha;
    }

    public int Dimension { get; }

    /// <summary>Width of the confidence bonus: 0 is greedy, larger explores untried themes more.</summary>
    public double Alpha { get; }

    /// <summary>Impressions learned from, over every arm.</summary>
    public long Impressions => arms.Values.Sum(a => a.Impressions);

    /// <summary>Plays learned from, over every arm.</summary>
    public long Plays => arms.Values.Sum(a => a.Plays);

    /// <summary>The arm with the highest upper confidence bound among <paramref name="candidates"/>; ties go to the first candidate.</summary>
    public string Choose(ReadOnlySpan<double> context, IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("There must be at least one candidate.", nameof(candidates));
        }

        var best = candidates[0];
        var bestScore = double.NegativeInfinity;
        foreach (var candidate in candidates)
        {
            var score = UpperBound(candidate, context);
            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    /// <summary>θ·x: the learned chance of a play for this context and arm (0 for an arm never shown).</summary>
    public double Expected(string arm, ReadOnlySpan<double> context)
    {
        CheckContext(context);
        return arms.TryGetValue(arm, out var state) ? state.Expected(context) : 0;
    }

    public double UpperBound(string arm, ReadOnlySpan<double> context)
    {
        CheckContext(context);
        var state = ArmFor(arm);
        return state.Expected(context) + (Alpha * Math.Sqrt(Math.Max(0, state.Variance(context))));
    }

    /// <summary>Learns from one impression of <paramref name="arm"/> with reward 1 (played) or 0.</summary>
    public void Observe(ReadOnlySpan<double> context, string arm, bool played)
    {
        CheckContext(context);
        ArmFor(arm).Observe(context, played ? 1 : 0);
    }

    /// <summary>A play that followed an impression already observed with reward 0: turns that reward into 1.</summary>
    public void ObservePlayAfterImpression(ReadOnlySpan<double> context, string arm)
    {
        CheckContext(context);
        ArmFor(arm).AddReward(context, 1);
    }

    /// <summary>Writes the learned state as JSON, serialising from the live arrays (the caller keeps it from learning meanwhile).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, State(copy: false));
    }

    /// <summary>
    /// A copy of the learned state (every arm's A⁻¹, b and counts) that later learning does not change: only arrays are
    /// copied, so it is cheap to take under the caller's lock, and <see cref="LinUcbBanditSnapshot.Save"/> serialises it
    /// outside, in the same format as <see cref="Save"/>.
    /// </summary>
    public LinUcbBanditSnapshot Snapshot() => new(State(copy: true));

    /// <summary>Reads a saved bandit; null when the file is not one (a bad file is ignored, the bandit warm-starts again).</summary>
    public static LinUcbBandit? Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SavedBandit? saved;
        try
        {
            saved = JsonSerializer.Deserialize<SavedBandit>(stream);
        }
        catch (JsonException)
        {
            return null;
        }

        if (saved is null || saved.Dimension < 1 || saved.Arms is null
            || saved.Arms.Any(a => a.Inverse?.Length != saved.Dimension * saved.Dimension || a.Rewards?.Length != saved.Dimension))
        {
            return null;
        }

        var bandit = new LinUcbBandit(saved.Dimension, saved.Alpha);
        foreach (var arm in saved.Arms)
        {
            bandit.arms[arm.Theme] = new Arm(arm.Inverse, arm.Rewards, arm.Impressions, arm.Plays);
        }

        return bandit;
    }

    private SavedBandit State(bool copy) =>
        new(Dimension, Alpha, [.. arms.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new SavedArm(
            a.Key,
            copy ? (double[])a.Value.Inverse.Clone() : a.Value.Inverse,
            copy ? (double[])a.Value.Rewards.Clone() : a.Value.Rewards,
            a.Value.Impressions,
            a.Value.Plays))]);

    private void CheckContext(ReadOnlySpan<double> context)
    {
        if (context.Length != Dimension)
        {
            throw new ArgumentException($"The context has {context.Length} features; this bandit takes {Dimension}.", nameof(context));
        }
    }

    private Arm ArmFor(string arm)
    {
        ArgumentException.ThrowIfNullOrEmpty(arm);
        if (!arms.TryGetValue(arm, out var state))
        {
            state = Arm.Fresh(Dimension);
            arms[arm] = state;
        }

        return state;
    }

    private sealed class Arm(double[] inverse, double[] rewards, long impressions, long plays)
    {
        public double[] Inverse { get; } = inverse;

        public double[] Rewards { get; } = rewards;

        public long Impressions { get; private set; } = impressions;

        public long Plays { get; private set; } = plays;

        public static Arm Fresh(int d)
        {
            var identity = new double[d * d];
            for (var i = 0; i < d; i++)
            {
                identity[(i * d) + i] = 1;
            }

            return new Arm(identity, new double[d], 0, 0);
        }

        public double Expected(ReadOnlySpan<double> x)
        {
            // θ = A⁻¹ b, so θ·x = bᵀ A⁻¹ x (A⁻¹ is symmetric).
            var d = x.Length;
            Span<double> ax = stackalloc double[d];
            Multiply(x, ax);
            return TensorPrimitives.Dot(Rewards, ax);
        }

        public double Variance(ReadOnlySpan<double> x)
        {
            Span<double> ax = stackalloc double[x.Length];
            Multiply(x, ax);
            return TensorPrimitives.Dot(x, ax);
        }

        public void Observe(ReadOnlySpan<double> x, double reward)
        {
            var d = x.Length;
            Span<double> ax = stackalloc double[d];
            Multiply(x, ax);
            var denominator = 1 + TensorPrimitives.Dot(x, ax);
            for (var i = 0; i < d; i++)
            {
                var row = Inverse.AsSpan(i * d, d);
                // Row i of A⁻¹ − (A⁻¹x)(A⁻¹x)ᵀ / (1 + xᵀA⁻¹x).
                TensorPrimitives.MultiplyAdd(ax, -ax[i] / denominator, row, row);
            }

            Impressions++;
            AddReward(x, reward);
        }

        public void AddReward(ReadOnlySpan<double> x, double reward)
        {
            if (reward == 0)
            {
                return;
            }

            TensorPrimitives.MultiplyAdd(x, reward, Rewards, Rewards);
            Plays++;
        }

        private void Multiply(ReadOnlySpan<double> x, Span<double> result)
        {
            var d = x.Length;
            for (var i = 0; i < d; i++)
            {
                result[i] = TensorPrimitives.Dot(Inverse.AsSpan(i * d, d), x);
            }
        }
    }
}
