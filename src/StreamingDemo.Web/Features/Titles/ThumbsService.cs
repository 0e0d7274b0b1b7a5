using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Browse;

namespace StreamingDemo.Web.Features.Titles;

/// <summary>Records a profile's thumb on a title (V7) and folds it into its recommendations at once.</summary>
public sealed class ThumbsService(IDbContextFactory<StreamingDbContext> contexts, IRecommender recommender, FeedbackJournal journal, TimeProvider clock)
{
    /// <summary>Sets the thumb, or removes it when <paramref name="rating"/> is null (undo).</summary>
    public async Task SetAsync(int profileId, int titleId, ThumbRating? rating, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Thumbs.FirstOrDefaultAsync(t => t.ProfileId == profileId && t.TitleId == titleId, cancellationToken);
        if (rating is ThumbRating value)
        {
            if (existing is null)
            {
                db.Thumbs.Add(new Thumb { ProfileId = profileId, TitleId = titleId, Rating = value, At = now });
            }
            else
            {
                existing.Rating = value;
                existing.At = now;
            }
        }
        else if (existing is not null)
        {
            db.Thumbs.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        recommender.Apply(rating is ThumbRating thumb
            ? new FeedbackEvent(profileId, titleId, FeedbackKind.Thumb, now, thumb)
            : new FeedbackEvent(profileId, titleId, FeedbackKind.ThumbRemoved, now));
        journal.Record(profileId, new FeedbackNote(titleId, rating));
    }
}
