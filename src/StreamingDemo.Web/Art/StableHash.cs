namespace StreamingDemo.Web.Art;

/// <summary>
/// A tiny deterministic hash and random stream for artwork: same input, same picture, on every machine and
/// every run (string.GetHashCode is randomized per process, so it cannot be used).
/// </summary>
internal struct StableHash
{
    private ulong state;

    public StableHash(ulong seed) => state = seed;

    public static ulong Of(string text)
    {
        // FNV-1a over UTF-16 code units.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    /// <summary>SplitMix64 step.</summary>
    public ulong Next()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    public int Below(int max) => (int)(Next() % (ulong)max);
}
