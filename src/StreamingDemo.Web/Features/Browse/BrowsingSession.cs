using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Feedback;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>A viewer's latest thumb in this tab, kept until the home page has shown what it changed (V7).</summary>
public sealed record FeedbackNote(int ProfileId, int TitleId, string TitleName, ThumbRating? Rating);

/// <summary>
/// What one browser tab (one Blazor circuit; a scoped service) has seen and done: the visible cards of the last home
/// page per profile and device, the thumb given since, and the profile's thumbs as this tab knows them. Two tabs on
/// one profile each keep their own, so neither takes the other's "what moved" banner.
/// </summary>
public sealed class BrowsingSession(FeedbackService feedback)
{
    private readonly Dictionary<(int Profile, DeviceType Device), IReadOnlyList<(int Id, string Name)>> lastSeen = [];
    private FeedbackNote? pending;
    private (int ProfileId, Dictionary<int, ThumbRating> Ratings)? thumbs;

    /// <summary>Gives (or, with null, takes back) a thumb through the feedback service and notes it for the home page's banner.</summary>
    public async Task<FeedbackResult> RateAsync(int profileId, TitleCardModel title, ThumbRating? rating, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(title);
        var result = await feedback.ThumbAsync(profileId, title.Id, rating, cancellationToken);
        pending = new FeedbackNote(profileId, title.Id, title.Name, rating);
        if (thumbs is { } held && held.ProfileId == profileId)
        {
            if (rating is ThumbRating given)
            {
                held.Ratings[title.Id] = given;
            }
            else
            {
                held.Ratings.Remove(title.Id);
            }
        }

        return result;
    }

    /// <summary>The thumb this tab gave the profile since its home page last showed what changed.</summary>
    public FeedbackNote? PendingNote(int profileId) => pending?.ProfileId == profileId ? pending : null;

    public void NoteShown(int profileId)
    {
        if (pending?.ProfileId == profileId)
        {
            pending = null;
        }
    }

    /// <summary>The visible cards (title id, name) of the last home page this tab showed the profile on the device.</summary>
    public IReadOnlyList<(int Id, string Name)>? LastSeen(int profileId, DeviceType device) => lastSeen.GetValueOrDefault((profileId, device));

    public void Saw(int profileId, DeviceType device, IReadOnlyList<(int Id, string Name)> visible) => lastSeen[(profileId, device)] = visible;

    /// <summary>The profile's thumbs as this tab last read them, kept current with the thumbs given here; null until read.</summary>
    public IReadOnlyDictionary<int, ThumbRating>? Thumbs(int profileId) => thumbs is { } held && held.ProfileId == profileId ? held.Ratings : null;

    public void KnowThumbs(int profileId, IReadOnlyDictionary<int, ThumbRating> ratings) => thumbs = (profileId, new Dictionary<int, ThumbRating>(ratings));
}
