using StreamingDemo.Domain.Layouts;

namespace StreamingDemo.Web.Features.Lab;

/// <summary>A layout as the lab and the API see it: its stored identity and the layout itself.</summary>
public sealed record StoredLayout(int Id, string Slug, bool IsBuiltIn, int Version, DateTime UpdatedAt, HomeLayout Layout)
{
    public string Name => Layout.Name;
}

public enum LayoutSaveStatus
{
    Saved = 0,
    Invalid = 1,
    NotFound = 2,
    ReadOnly = 3,

    /// <summary>Someone saved the layout since it was loaded; nothing was written.</summary>
    Conflict = 4,
}

/// <summary>The outcome of a save: the stored layout, or why nothing was written (field-level errors when invalid).</summary>
public sealed record LayoutSaveResult(LayoutSaveStatus Status, StoredLayout? Layout, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly Dictionary<string, string[]> None = [];

    public static LayoutSaveResult Saved(StoredLayout layout) => new(LayoutSaveStatus.Saved, layout, None);

    public static LayoutSaveResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(LayoutSaveStatus.Invalid, null, errors);

    public static LayoutSaveResult Refused(LayoutSaveStatus status, string message) => new(status, null, new Dictionary<string, string[]> { ["$"] = [message] });
}

public enum LayoutDeleteStatus
{
    Deleted = 0,
    NotFound = 1,
    ReadOnly = 2,
}
