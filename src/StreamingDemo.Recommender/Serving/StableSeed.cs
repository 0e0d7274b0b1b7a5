namespace StreamingDemo.Recommender.Serving;

/// <summary>
/// Seeds for the request path's random choices from stable values only (profile id, visit number, the model's data version —
/// a model is a deterministic function of its data and options, so this names the model across processes), hashed
/// with FNV-1a so every process computes the same seed. <see cref="HashCode"/> and <see cref="string.GetHashCode()"/> are
/// randomized per process and would give a restarted site different pages.
/// </summary>
internal static class StableSeed
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The seed of a home page: same profile, visit and model, same page — in any process.</summary>
    public static int ForPage(int profileId, int visit, string dataVersion)
    {
        ArgumentNullException.ThrowIfNull(dataVersion);
        var hash = Offset;
        hash = Mix(hash, profileId);
        hash = Mix(hash, visit);
        foreach (var c in dataVersion)
        {
            hash = (hash ^ c) * Prime;
        }

        return unchecked((int)(hash ^ (hash >> 32)));
    }

    private static ulong Mix(ulong hash, int value)
    {
        for (var b = 0; b < 4; b++)
        {
            hash = (hash ^ (byte)(value >> (8 * b))) * Prime;
        }

        return hash;
    }
}
