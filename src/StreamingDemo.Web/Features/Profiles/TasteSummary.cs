using System.Globalization;

namespace StreamingDemo.Web.Features.Profiles;

/// <summary>
/// Says in one line what a profile's taste is made of, from its weighted communities, strongest first.
/// The wording follows the weights so it never overstates: "Mostly" needs more than half, "Equal parts"
/// needs the top two within five points.
/// </summary>
public static class TasteSummary
{
    public static string Describe(IReadOnlyList<TasteShare> taste)
    {
        ArgumentNullException.ThrowIfNull(taste);
        var shares = taste.Where(s => s.Weight > 0).OrderByDescending(s => s.Weight).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var total = shares.Sum(s => s.Weight);
        if (shares.Count == 0 || total <= 0)
        {
            return "Taste still forming";
        }

        var first = shares[0];
        var top = first.Weight / total;
        if (shares.Count == 1)
        {
            return $"All {first.Name}";
        }

        var second = shares[1];
        var rest = shares.Count > 2 ? shares[2] : null;
        var secondShare = second.Weight / total;
        var tail = rest is null ? string.Empty : Minor(rest.Weight / total) + rest.Name;

        if (top - secondShare < 0.05)
        {
            return rest is null
                ? $"Equal parts {first.Name} and {second.Name}"
                : $"Equal parts {first.Name} and {second.Name}, with {tail}";
        }

        var lead = top > 0.5 ? "Mostly" : "Mainly";
        return rest is null
            ? $"{lead} {first.Name}, with {second.Name}"
            : $"{lead} {first.Name}, with {second.Name} and {tail}";
    }

    /// <summary>"62% Nordic Noir Devotees · 25% Cozy Bakers · 13% …", for tooltips and accessible descriptions.</summary>
    public static string Breakdown(IReadOnlyList<TasteShare> taste)
    {
        ArgumentNullException.ThrowIfNull(taste);
        var total = taste.Sum(s => s.Weight);
        return total <= 0
            ? string.Empty
            : string.Join(" · ", taste.OrderByDescending(s => s.Weight).Select(s =>
                string.Create(CultureInfo.InvariantCulture, $"{Math.Round(s.Weight / total * 100):0}% {s.Name}")));
    }

    private static string Minor(double share) => share < 0.15 ? "a little " : string.Empty;
}
