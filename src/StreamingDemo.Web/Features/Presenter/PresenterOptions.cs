namespace StreamingDemo.Web.Features.Presenter;

/// <summary>Section "Presenter": where the presenter key comes from.</summary>
public sealed class PresenterOptions
{
    public const string SectionName = "Presenter";

    /// <summary>The presenter key itself (e.g. <c>Presenter__Key</c>); when empty, one is generated on first run.</summary>
    public string? Key { get; set; }

    /// <summary>Where a generated key is kept; relative paths and the default sit beside the database.</summary>
    public string KeyFile { get; set; } = "presenter.key";

    /// <summary>Shortest configured key accepted: a short key could be guessed within the sign-in rate limit.</summary>
    public const int MinimumKeyLength = 12;
}
