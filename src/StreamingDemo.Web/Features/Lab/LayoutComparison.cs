using StreamingDemo.Web.Features.Browse;

namespace StreamingDemo.Web.Features.Lab;

/// <summary>
/// Two layouts' pages for one profile and device (L2), with what differs: titles visible on one page only, and rows
/// (by key) on one page only. Visible means within the device's rows and cards on screen.
/// </summary>
public sealed record LayoutComparison(HomeView Left, HomeView Right, IReadOnlySet<int> OnlyLeft, IReadOnlySet<int> OnlyRight, IReadOnlySet<string> RowsOnlyLeft, IReadOnlySet<string> RowsOnlyRight)
{
    public int SharedTitles { get; init; }

    public static LayoutComparison Of(HomeView left, HomeView right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var a = Visible(left);
        var b = Visible(right);
        var rowsA = left.Rows.Take(left.Layout.Rows).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var rowsB = right.Rows.Take(right.Layout.Rows).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return new LayoutComparison(left, right, a.Except(b).ToHashSet(), b.Except(a).ToHashSet(),
            rowsA.Except(rowsB, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal), rowsB.Except(rowsA, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal))
        {
            SharedTitles = a.Intersect(b).Count(),
        };
    }

    public static HashSet<int> Visible(HomeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Rows.Take(view.Layout.Rows).SelectMany(r => r.Cards.Take(view.Layout.CardsPerRow)).Select(c => c.Title.Id).ToHashSet();
    }
}
