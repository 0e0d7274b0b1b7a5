using Microsoft.Extensions.Options;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Training;

/// <summary>What a training run produced, for the CLI.</summary>
public sealed record TrainingSummary(string DataVersion, int Communities, string ModelPath);

/// <summary>Training outside the web app (CLI `train`): the same trainer and model files the hosted service uses.</summary>
public static class ModelTraining
{
    public static TrainingSummary TrainAndSave(InteractionSnapshot snapshot, RecommenderOptions options, ModelStore store,
        IProgress<TrainingProgress>? progress = null, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var model = RecommenderTrainer.Train(snapshot, options, progress: progress, clock: clock, ct: ct);
        store.Save(model, options);
        return new TrainingSummary(model.DataVersion, model.Communities.Count, store.PathFor(model.DataVersion));
    }

    /// <summary>
    /// What the site does when it starts: load the saved model for this snapshot, or train one and save it; then serve it.
    /// <paramref name="loaded"/> says which happened.
    /// </summary>
    public static IRecommender LoadOrTrain(InteractionSnapshot snapshot, RecommenderOptions options, ModelStore store, out bool loaded,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var model = store.TryLoad(snapshot, options);
        loaded = model is not null;
        if (model is null)
        {
            model = RecommenderTrainer.Train(snapshot, options, clock: clock);
            store.Save(model, options);
        }

        var recommender = new StreamingRecommender(Options.Create(options), clock ?? TimeProvider.System);
        recommender.Swap(model, 0);
        return recommender;
    }
}
