using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender;

public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="IRecommender"/> (in-memory scoring) and the hosted training service, with options from the
    /// "Recommender" section. Needs an <see cref="IInteractionSource"/> (AddStreamingData) and a <see cref="FirstRunStatus"/>.
    /// </summary>
    /// <param name="modelDirectory">Where models are persisted when Recommender:ModelDirectory is not set (usually "models" next to the database).</param>
    public static IServiceCollection AddRecommender(this IServiceCollection services, Func<IServiceProvider, string> modelDirectory)
    {
        services.AddOptions<RecommenderOptions>().BindConfiguration(RecommenderOptions.SectionName)
            .Validate(o => o.Factors is > 0 and <= 256, "Recommender:Factors must be between 1 and 256.")
            .Validate(o => o.CandidatePool >= 20, "Recommender:CandidatePool must be at least 20.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FirstRunStatus>();
        services.TryAddSingleton<IFirstRunStatus>(sp => sp.GetRequiredService<FirstRunStatus>());
        services.AddSingleton(sp => new ModelStore(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RecommenderOptions>>().Value.ModelDirectory is { Length: > 0 } configured
            ? configured
            : modelDirectory(sp), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ModelStore>>()));
        services.AddSingleton<StreamingRecommender>();
        services.AddSingleton<IRecommender>(sp => sp.GetRequiredService<StreamingRecommender>());
        services.AddSingleton<ITasteCommunityAtlas, Communities.CommunityAtlas>();
        // Resolvable itself too, so a reset can ask for the model to catch up with the store at once.
        services.AddSingleton<RecommenderTrainingService>();
        services.AddHostedService(sp => sp.GetRequiredService<RecommenderTrainingService>());
        return services;
    }
}
