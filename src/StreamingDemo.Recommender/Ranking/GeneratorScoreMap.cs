using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace StreamingDemo.Recommender.Ranking;

/// <summary>
/// The six generator scores behind a card as the read-only dictionary <see cref="Domain.Explanation"/> exposes, without
/// building a hash table per card (a home page carries ~160 of them).
/// </summary>
internal sealed class GeneratorScoreMap(GeneratorScores scores) : IReadOnlyDictionary<string, double>
{
    public static readonly string[] Names = ["latent-factors", "co-viewing", "community-popularity", "micro-genre-affinity", "new-and-trending", "ease-item-item"];

    public int Count => Names.Length;

    public IEnumerable<string> Keys => Names;

    public IEnumerable<double> Values => Names.Select(n => this[n]);

    public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(Names, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        value = Array.IndexOf(Names, key) switch
        {
            0 => scores.Factors,
            1 => scores.CoViewing,
            2 => scores.Community,
            3 => scores.MicroGenre,
            4 => scores.Trending,
            5 => scores.Ease,
            _ => double.NaN,
        };
        return !double.IsNaN(value);
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        foreach (var name in Names)
        {
            yield return new KeyValuePair<string, double>(name, this[name]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
