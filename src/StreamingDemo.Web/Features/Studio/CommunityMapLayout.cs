namespace StreamingDemo.Web.Features.Studio;

/// <summary>A community's place on the map: centre (fractions of the map's width and height, top-left origin) and diameter (fraction of the width).</summary>
public readonly record struct MapBubble(double X, double Y, double Diameter);

/// <summary>
/// Lays the communities' PCA coordinates out as a readable map. A few far-apart communities (kids' taste, say) would squeeze
/// the rest into a clump, so each axis is spread mostly by rank, partly linearly (the order along each component is kept), then
/// overlapping bubbles are pushed apart until none overlap (or the space runs out). Deterministic: same input, same map.
/// </summary>
public static class CommunityMapLayout
{
    public const double MaxDiameter = 0.10;
    private const double MinDiameter = 0.022;
    private const double Gap = 0.004;
    private const int Iterations = 400;

    /// <param name="points">PCA coordinates (first two components), any scale.</param>
    /// <param name="sizes">Members per community: a bubble's area is proportional to it.</param>
    /// <param name="aspect">The map's height over its width.</param>
    public static IReadOnlyList<MapBubble> Place(IReadOnlyList<(double X, double Y)> points, IReadOnlyList<int> sizes, double aspect)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(sizes);
        var n = points.Count;
        if (n == 0)
        {
            return [];
        }

        var largest = Math.Max(1, sizes.Max());
        var diameters = sizes.Select(s => Math.Max(MinDiameter, MaxDiameter * Math.Sqrt((double)s / largest))).ToArray();
        var xs = Spread([.. points.Select(p => p.X)]);
        // Screen y grows downwards; the second component grows upwards.
        var ys = Spread([.. points.Select(p => -p.Y)]);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var r = diameters[i] / 2;
            x[i] = r + xs[i] * (1 - 2 * r);
            y[i] = r + ys[i] * (aspect - 2 * r);
        }

        for (var step = 0; step < Iterations; step++)
        {
            var moved = false;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var (dx, dy) = (x[j] - x[i], y[j] - y[i]);
                    var distance = Math.Sqrt(dx * dx + dy * dy);
                    var wanted = (diameters[i] + diameters[j]) / 2 + Gap;
                    if (distance >= wanted)
                    {
                        continue;
                    }

                    if (distance < 1e-9)
                    {
                        (dx, dy, distance) = (1, 0, 1);
                    }

                    var push = (wanted - distance) / 2;
                    x[i] -= dx / distance * push;
                    y[i] -= dy / distance * push;
                    x[j] += dx / distance * push;
                    y[j] += dy / distance * push;
                    moved = true;
                }
            }

            for (var i = 0; i < n; i++)
            {
                var r = diameters[i] / 2;
                x[i] = Math.Clamp(x[i], r, 1 - r);
                y[i] = Math.Clamp(y[i], r, aspect - r);
            }

            if (!moved)
            {
                break;
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => new MapBubble(x[i], y[i] / aspect, diameters[i]))];
    }

    /// <summary>Each value's place on 0..1: four parts its rank, one part its linear position between the extremes.</summary>
    private static double[] Spread(double[] values)
    {
        var n = values.Length;
        if (n == 1)
        {
            return [0.5];
        }

        var (min, max) = (values.Min(), values.Max());
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var result = new double[n];
        for (var rank = 0; rank < n; rank++)
        {
            var i = order[rank];
            var linear = max - min < 1e-12 ? 0.5 : (values[i] - min) / (max - min);
            result[i] = (linear + 4.0 * rank / (n - 1)) / 5;
        }

        return result;
    }
}
