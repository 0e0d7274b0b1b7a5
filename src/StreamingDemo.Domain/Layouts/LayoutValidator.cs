namespace StreamingDemo.Domain.Layouts;

/// <summary>
/// Checks a layout before it is saved or used (L1). Errors are keyed by the field's path in the JSON document
/// (<c>rows[2].seeds</c>, <c>devices.phone.cardsPerRow</c>), the shape ASP.NET Core's validation problem details use.
/// </summary>
public static class LayoutValidator
{
    public const int MaxNameLength = 60;
    public const int MaxDescriptionLength = 400;
    public const int MaxRows = 16;

    /// <summary>Row kinds a layout may name once only (the rest expand by their parameters).</summary>
    private static readonly RowKind[] Singletons = [RowKind.ContinueWatching, RowKind.TopPicks, RowKind.NewReleases, RowKind.Top10, RowKind.Exploration, RowKind.BecauseYouWatched, RowKind.TrendingInCommunity];

    /// <param name="microGenreSlugs">The catalogue's micro-genres; null skips the check (no catalogue at hand).</param>
    public static IReadOnlyDictionary<string, string[]> Validate(HomeLayout? layout, IReadOnlySet<string>? microGenreSlugs = null)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (layout is null)
        {
            Add("$", "A layout is required.");
            return Freeze(errors);
        }

        if (string.IsNullOrWhiteSpace(layout.Name))
        {
            Add("name", "Give the layout a name.");
        }
        else if (layout.Name.Trim().Length > MaxNameLength)
        {
            Add("name", $"The name is at most {MaxNameLength} characters.");
        }

        if ((layout.Description ?? string.Empty).Length > MaxDescriptionLength)
        {
            Add("description", $"The description is at most {MaxDescriptionLength} characters.");
        }

        if (!Enum.IsDefined(layout.Ordering))
        {
            Add("ordering", "Ordering is fixed, relevance or diverse.");
        }

        if (!Enum.IsDefined(layout.Artwork))
        {
            Add("artwork", "Artwork is default or personalized.");
        }

        InRange(layout.ExplorationRate, 0, 0.5, "explorationRate", "The exploration rate", Add);
        InRange(layout.Repermutation, 0, 1, "repermutation", "Re-permutation strength", Add);
        InRange(layout.Diversity, 0, 1, "diversity", "Diversity", Add);
        ValidateRows(layout.Rows, microGenreSlugs, Add);
        ValidateDevices(layout.Devices, Add);
        return Freeze(errors);
    }

    private static void ValidateRows(IReadOnlyList<LayoutRow>? rows, IReadOnlySet<string>? microGenreSlugs, Action<string, string> add)
    {
        if (rows is null || rows.Count == 0)
        {
            add("rows", "A layout needs at least one row.");
            return;
        }

        if (rows.Count > MaxRows)
        {
            add("rows", $"A layout has at most {MaxRows} row templates.");
        }

        var seen = new HashSet<RowKind>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = $"rows[{i}]";
            if (row is null)
            {
                add(at, "A row cannot be empty.");
                continue;
            }

            if (!Enum.IsDefined(row.Kind))
            {
                add($"{at}.kind", "Unknown row kind.");
                continue;
            }

            if (Singletons.Contains(row.Kind) && !seen.Add(row.Kind))
            {
                add($"{at}.kind", $"The layout already has a {Describe(row.Kind)} row; its parameters say how many rows it makes.");
            }

            Parameter(row.Seeds, row.Kind == RowKind.BecauseYouWatched, 1, 5, $"{at}.seeds", "Seeds", "because-you-watched", add);
            Parameter(row.Communities, row.Kind == RowKind.TrendingInCommunity, 1, 3, $"{at}.communities", "Communities", "trending-in-community", add);
            if (row.Kind == RowKind.Top10 && row.Window is { } window && !Enum.IsDefined(window))
            {
                add($"{at}.window", "The Top 10 window is recent or allTime.");
            }
            else if (row.Kind != RowKind.Top10 && row.Window is not null)
            {
                add($"{at}.window", "A window applies only to Top 10 rows.");
            }

            ValidateMicroGenres(row, at, microGenreSlugs, add);
        }
    }

    private static void ValidateMicroGenres(LayoutRow row, string at, IReadOnlySet<string>? microGenreSlugs, Action<string, string> add)
    {
        var named = row.MicroGenres ?? [];
        if (row.Kind != RowKind.MicroGenre)
        {
            if (row.Count is not null)
            {
                add($"{at}.count", "A count applies only to micro-genre rows.");
            }

            if (named.Count > 0)
            {
                add($"{at}.microGenres", "Micro-genres apply only to micro-genre rows.");
            }

            return;
        }

        if (named.Count > 0 && row.Count is not null)
        {
            add($"{at}.count", "Name micro-genres or give a count, not both.");
        }
        else if (named.Count == 0 && row.Count is not { } count)
        {
            add($"{at}.count", "Say how many micro-genre rows (1 to 8) or name the micro-genres.");
        }
        else if (row.Count is { } n && (n < 1 || n > 8))
        {
            add($"{at}.count", "A micro-genre row template makes 1 to 8 rows.");
        }

        if (named.Count > 8)
        {
            add($"{at}.microGenres", "Name at most 8 micro-genres.");
        }

        for (var j = 0; j < named.Count; j++)
        {
            var slug = named[j];
            if (string.IsNullOrWhiteSpace(slug))
            {
                add($"{at}.microGenres[{j}]", "A micro-genre slug cannot be empty.");
            }
            else if (microGenreSlugs is not null && !microGenreSlugs.Contains(slug))
            {
                add($"{at}.microGenres[{j}]", $"There is no micro-genre \"{slug}\" in the catalogue.");
            }
            else if (named.Take(j).Contains(slug, StringComparer.Ordinal))
            {
                add($"{at}.microGenres[{j}]", $"\"{slug}\" is named twice.");
            }
        }
    }

    private static void ValidateDevices(IReadOnlyDictionary<DeviceType, DeviceShape>? devices, Action<string, string> add)
    {
        if (devices is null)
        {
            add("devices", "Give the page shape for every device: tv, desktop, tablet and phone.");
            return;
        }

        foreach (var device in Enum.GetValues<DeviceType>())
        {
            var at = $"devices.{JsonName(device)}";
            if (!devices.TryGetValue(device, out var shape) || shape is null)
            {
                add(at, $"Give the page shape for {JsonName(device)}.");
                continue;
            }

            if (shape.Rows is < 1 or > 12)
            {
                add($"{at}.rows", "A page shows 1 to 12 rows.");
            }

            if (shape.CardsPerRow is < 1 or > 8)
            {
                add($"{at}.cardsPerRow", "A row shows 1 to 8 cards without scrolling.");
            }

            if (shape.ItemsPerRow < shape.CardsPerRow || shape.ItemsPerRow > 40)
            {
                add($"{at}.itemsPerRow", $"A row holds from its visible cards ({shape.CardsPerRow}) up to 40 cards.");
            }
        }

        foreach (var device in devices.Keys.Where(d => !Enum.IsDefined(d)))
        {
            add($"devices.{(int)device}", "Unknown device.");
        }
    }

    private static void Parameter(int? value, bool applies, int min, int max, string field, string label, string kind, Action<string, string> add)
    {
        if (!applies)
        {
            if (value is not null)
            {
                add(field, $"{label} apply only to {kind} rows.");
            }

            return;
        }

        if (value is not { } v)
        {
            add(field, $"Say how many ({min} to {max}).");
        }
        else if (v < min || v > max)
        {
            add(field, $"{label} must be from {min} to {max}.");
        }
    }

    private static void InRange(double value, double min, double max, string field, string label, Action<string, string> add)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            add(field, $"{label} must be from {min} to {max}.");
        }
    }

    public static string JsonName(DeviceType device) => device switch
    {
        DeviceType.Tv => "tv",
        DeviceType.Desktop => "desktop",
        DeviceType.Tablet => "tablet",
        _ => "phone",
    };

    private static string Describe(RowKind kind) => kind switch
    {
        RowKind.ContinueWatching => "Continue Watching",
        RowKind.TopPicks => "Top Picks",
        RowKind.BecauseYouWatched => "because-you-watched",
        RowKind.TrendingInCommunity => "trending-in-community",
        RowKind.NewReleases => "New Releases",
        RowKind.Top10 => "Top 10",
        RowKind.Exploration => "Something Different",
        _ => "micro-genre",
    };

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
