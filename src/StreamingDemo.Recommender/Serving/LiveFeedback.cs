using StreamingDemo.Domain;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Serving;

/// <summary>
/// The live signals of one profile since the current model's data was read, with a sequence number each so a retrained
/// model (whose snapshot already contains them) can drop exactly those it has seen.
/// </summary>
internal sealed class LiveFeedback
{
    private readonly List<(long Sequence, FeedbackEvent Event)> events = [];

    public IReadOnlyList<(long Sequence, FeedbackEvent Event)> Events => events;

    public void Add(long sequence, FeedbackEvent feedback) => events.Add((sequence, feedback));

    public void DropThrough(long sequence) => events.RemoveAll(e => e.Sequence <= sequence);

    /// <summary>Folds the events into a profile's state: evidence strengths, exclusions and thumbs-down, then re-solves its factors.</summary>
    public static ProfileState Fold(RecommenderModel model, ProfileState? trained, int profileId, IEnumerable<FeedbackEvent> feedback)
    {
        var evidence = new Dictionary<int, Evidence>();
        var excluded = new HashSet<int>(trained?.Excluded ?? []);
        var thumbedDown = new HashSet<int>(trained?.ThumbedDown ?? []);
        // Titles hidden only because of a live thumbs-down: taking the thumb back (Undo) brings them back.
        var hiddenByThumb = new HashSet<int>();
        var leanings = new Dictionary<int, float>(trained?.Leanings ?? MicroGenreAffinity.EmptyLeanings);
        if (trained is not null)
        {
            for (var i = 0; i < trained.Titles.Length; i++)
            {
                evidence[trained.Titles[i]] = new Evidence { Base = trained.Strengths[i], LastAt = trained.LastAt[i] };
            }
        }

        foreach (var e in feedback)
        {
            if (e.Kind == FeedbackKind.StoryChoice)
            {
                // A choice says what the viewer leans to, not that they watched more: it feeds the taste, not the titles.
                AddLeanings(model, leanings, e.Leanings ?? []);
                continue;
            }

            if (!model.Catalog.TryTitle(e.TitleId, out var title))
            {
                continue;
            }

            if (!evidence.TryGetValue(title, out var item))
            {
                evidence[title] = item = new Evidence { LastAt = e.At };
            }

            item.LastAt = e.At > item.LastAt ? e.At : item.LastAt;
            switch (e.Kind)
            {
                case FeedbackKind.OnboardingPick:
                    item.Picked = true;
                    excluded.Add(title);
                    hiddenByThumb.Remove(title);
                    break;
                case FeedbackKind.Play:
                    item.Sessions++;
                    item.Completion = Math.Max(item.Completion, e.Completion);
                    excluded.Add(title);
                    hiddenByThumb.Remove(title);
                    break;
                case FeedbackKind.Progress:
                    item.Completion = Math.Max(item.Completion, e.Completion);
                    excluded.Add(title);
                    hiddenByThumb.Remove(title);
                    break;
                case FeedbackKind.Thumb:
                    item.Thumb = e.Thumb;
                    item.ThumbChanged = true;
                    if (e.Thumb == ThumbRating.Down)
                    {
                        thumbedDown.Add(title);
                        if (excluded.Add(title))
                        {
                            hiddenByThumb.Add(title);
                        }
                    }
                    else
                    {
                        Unhide(title);
                    }

                    break;
                case FeedbackKind.ThumbRemoved:
                    item.Thumb = null;
                    item.ThumbChanged = true;
                    Unhide(title);
                    break;
            }
        }

        void Unhide(int title)
        {
            thumbedDown.Remove(title);
            if (hiddenByThumb.Remove(title))
            {
                excluded.Remove(title);
            }
        }

        var list = new List<(int Title, float Strength, DateTime LastAt)>();
        foreach (var (title, item) in evidence.OrderBy(p => p.Key))
        {
            var strength = item.Strength();
            if (strength > 0)
            {
                list.Add((title, strength, item.LastAt));
            }
        }

        var unchanged = trained is not null && list.Count == trained.Titles.Length && list.Select(l => l.Strength).SequenceEqual(trained.Strengths);
        return model.BuildState(profileId, trained?.IsKids ?? false, list, excluded, thumbedDown, unchanged ? trained!.Factors : null, leanings);
    }

    /// <summary>One choice adds 1 shared over the micro-genres it leans to (unknown slugs are ignored).</summary>
    private static void AddLeanings(RecommenderModel model, Dictionary<int, float> leanings, IReadOnlyList<string> slugs)
    {
        var tags = slugs.Select(s => model.Catalog.TagIndexOfSlug(s)).Where(t => t >= 0).ToList();
        foreach (var tag in tags)
        {
            leanings[tag] = leanings.GetValueOrDefault(tag) + (1f / tags.Count);
        }
    }

    private sealed class Evidence
    {
        public float Base { get; init; }

        public DateTime LastAt { get; set; }

        public int Sessions { get; set; }

        public float Completion { get; set; }

        public bool Picked { get; set; }

        public ThumbRating? Thumb { get; set; }

        public bool ThumbChanged { get; set; }

        public float Strength()
        {
            if (ThumbChanged && Thumb == ThumbRating.Down)
            {
                return 0f;
            }

            var live = Sessions > 0 || Completion > 0 || Thumb is not null
                ? ImplicitSignal.Strength(Sessions, Completion, Thumb)
                : 0f;
            if (Picked)
            {
                // A favourite picked at sign-up counts like a loved, finished title.
                live = Math.Max(live, ImplicitSignal.Strength(1, 1f, ThumbRating.Love));
            }

            if (ThumbChanged && Thumb is null)
            {
                // Removing a thumb takes back its bonus from the trained evidence too.
                return Math.Max(live, Math.Min(Base, ImplicitSignal.Strength(5, 1f, null)));
            }

            return Math.Max(Base, live);
        }
    }
}
