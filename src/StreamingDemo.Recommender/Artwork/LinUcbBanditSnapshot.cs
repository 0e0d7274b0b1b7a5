using System.Text.Json;

namespace StreamingDemo.Recommender.Artwork;

/// <summary>
/// The learned state of a <see cref="LinUcbBandit"/> at one instant (<see cref="LinUcbBandit.Snapshot"/>): its own copies of
/// every arm's arrays, never handed out, so it can be serialised on any thread while the bandit keeps learning.
/// </summary>
public sealed class LinUcbBanditSnapshot
{
    private readonly SavedBandit state;

    internal LinUcbBanditSnapshot(SavedBandit state) => this.state = state;

    /// <summary>Writes the state as JSON, byte for byte what <see cref="LinUcbBandit.Save"/> wrote at that instant.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, state);
    }

    /// <inheritdoc cref="Save"/>
    public Task SaveAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return JsonSerializer.SerializeAsync(stream, state, cancellationToken: cancellationToken);
    }
}

/// <summary>One arm of a saved bandit (the file format of <c>artwork-bandit*.json</c>).</summary>
internal sealed record SavedArm(string Theme, double[] Inverse, double[] Rewards, long Impressions, long Plays);

/// <summary>A saved bandit: its dimension, α and arms ordered by theme.</summary>
internal sealed record SavedBandit(int Dimension, double Alpha, List<SavedArm> Arms);
