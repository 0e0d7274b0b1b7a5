using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;

namespace StreamingDemo.Web.Features.Lab;

/// <summary>One row template being edited: the kind and the parameters that kind takes.</summary>
public sealed class RowDraft
{
    public RowKind Kind { get; set; }

    public bool Pinned { get; set; }

    public int Seeds { get; set; } = 3;

    public int Count { get; set; } = 4;

    public int Communities { get; set; } = 1;

    public Top10Window Window { get; set; }

    /// <summary>Micro-genre slugs, comma-separated as typed; empty means the profile's strongest micro-genres.</summary>
    public string MicroGenres { get; set; } = string.Empty;

    public static RowDraft From(LayoutRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RowDraft
        {
            Kind = row.Kind,
            Pinned = row.Pinned,
            Seeds = row.Seeds ?? 3,
            Count = row.Count ?? 4,
            Communities = row.Communities ?? 1,
            Window = row.Window ?? Top10Window.Recent,
            MicroGenres = string.Join(", ", row.MicroGenres ?? []),
        };
    }

    public LayoutRow ToRow()
    {
        var named = MicroGenres.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new LayoutRow
        {
            Kind = Kind,
            Pinned = Pinned,
            Seeds = Kind == RowKind.BecauseYouWatched ? Seeds : null,
            Count = Kind == RowKind.MicroGenre && named.Length == 0 ? Count : null,
            MicroGenres = Kind == RowKind.MicroGenre && named.Length > 0 ? named : null,
            Communities = Kind == RowKind.TrendingInCommunity ? Communities : null,
            Window = Kind == RowKind.Top10 ? Window : null,
        };
    }
}

/// <summary>A device's page shape being edited.</summary>
public sealed class DeviceDraft
{
    public DeviceType Device { get; init; }

    public int Rows { get; set; }

    public int CardsPerRow { get; set; }

    public int ItemsPerRow { get; set; }
}

/// <summary>The editor's working copy of a layout: mutable, always convertible to the immutable <see cref="HomeLayout"/> it saves.</summary>
public sealed class LayoutDraft
{
    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public RowOrdering Ordering { get; set; }

    public List<RowDraft> Rows { get; } = [];

    public List<DeviceDraft> Devices { get; } = [];

    public double ExplorationRate { get; set; }

    public bool Dedupe { get; set; }

    public double Repermutation { get; set; }

    public double Diversity { get; set; }

    public static LayoutDraft From(HomeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var draft = new LayoutDraft
        {
            Name = layout.Name,
            Description = layout.Description,
            Ordering = layout.Ordering,
            ExplorationRate = layout.ExplorationRate,
            Dedupe = layout.Dedupe,
            Repermutation = layout.Repermutation,
            Diversity = layout.Diversity,
        };
        draft.Rows.AddRange(layout.Rows.Select(RowDraft.From));
        foreach (var device in Enum.GetValues<DeviceType>())
        {
            var shape = layout.For(device);
            draft.Devices.Add(new DeviceDraft { Device = device, Rows = shape.Rows, CardsPerRow = shape.CardsPerRow, ItemsPerRow = shape.ItemsPerRow });
        }

        return draft;
    }

    public HomeLayout ToLayout() => new()
    {
        Name = Name,
        Description = Description,
        Ordering = Ordering,
        Rows = [.. Rows.Select(r => r.ToRow())],
        Devices = Devices.ToDictionary(d => d.Device, d => new DeviceShape(d.Rows, d.CardsPerRow, d.ItemsPerRow)),
        ExplorationRate = ExplorationRate,
        Dedupe = Dedupe,
        Repermutation = Repermutation,
        Diversity = Diversity,
    };

    public void Move(int index, int by)
    {
        var target = index + by;
        if (index < 0 || index >= Rows.Count || target < 0 || target >= Rows.Count)
        {
            return;
        }

        (Rows[index], Rows[target]) = (Rows[target], Rows[index]);
    }
}
