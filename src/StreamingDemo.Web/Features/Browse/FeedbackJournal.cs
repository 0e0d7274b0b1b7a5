using System.Collections.Concurrent;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>A viewer's latest explicit feedback, kept until their home page has shown what it changed (V7).</summary>
public sealed record FeedbackNote(int TitleId, ThumbRating? Rating);

/// <summary>Remembers, per profile, the last thumb given since the home page was last composed.</summary>
public sealed class FeedbackJournal
{
    private readonly ConcurrentDictionary<int, FeedbackNote> notes = new();

    public void Record(int profileId, FeedbackNote note) => notes[profileId] = note;

    public FeedbackNote? Peek(int profileId) => notes.TryGetValue(profileId, out var note) ? note : null;

    public FeedbackNote? Take(int profileId) => notes.TryRemove(profileId, out var note) ? note : null;
}
