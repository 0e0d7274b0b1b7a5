namespace StreamingDemo.Recommender.Candidates;

/// <summary>Partial selection of the best scores without sorting the whole catalogue.</summary>
internal static class TopK
{
    /// <summary>Indexes of the <paramref name="k"/> highest scores, best first; skips indexes where <paramref name="skip"/> is true.</summary>
    public static int[] Select(ReadOnlySpan<float> scores, int k, ReadOnlySpan<bool> skip = default)
    {
        var n = scores.Length;
        if (k <= 0 || n == 0)
        {
            return [];
        }

        var threshold = float.NegativeInfinity;
        if (k < n)
        {
            var buffer = new float[n];
            var m = 0;
            for (var i = 0; i < n; i++)
            {
                if (skip.IsEmpty || !skip[i])
                {
                    buffer[m++] = scores[i];
                }
            }

            if (m > k)
            {
                threshold = NthLargest(buffer.AsSpan(0, m), k - 1);
            }
        }

        var picked = new List<int>(Math.Min(n, k + 16));
        for (var i = 0; i < n; i++)
        {
            if ((skip.IsEmpty || !skip[i]) && scores[i] >= threshold && !float.IsNaN(scores[i]))
            {
                picked.Add(i);
            }
        }

        var keys = new float[picked.Count];
        var values = picked.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            keys[i] = -scores[values[i]];
        }

        // Ties resolve by index so the order is deterministic.
        Array.Sort(keys, values);
        StableTies(keys, values);
        return values.Length > k ? values[..k] : values;
    }

    private static void StableTies(float[] keys, int[] values)
    {
        var i = 0;
        while (i < keys.Length)
        {
            var j = i + 1;
            while (j < keys.Length && keys[j] == keys[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                Array.Sort(values, i, j - i);
            }

            i = j;
        }
    }

    /// <summary>The value that would sit at position <paramref name="rank"/> (0 = largest) after a descending sort. Reorders the span.</summary>
    private static float NthLargest(Span<float> values, int rank)
    {
        var left = 0;
        var right = values.Length - 1;
        while (true)
        {
            if (left == right)
            {
                return values[left];
            }

            var mid = left + (right - left) / 2;
            var pivot = Median(values[left], values[mid], values[right]);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] > pivot)
                {
                    i++;
                }

                while (values[j] < pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (rank <= j)
            {
                right = j;
            }
            else if (rank >= i)
            {
                left = i;
            }
            else
            {
                return values[rank];
            }
        }
    }

    private static float Median(float a, float b, float c) =>
        a > b ? (b > c ? b : Math.Min(a, c)) : (a > c ? a : Math.Min(b, c));
}
