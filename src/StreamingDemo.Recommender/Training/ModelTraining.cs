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
}
