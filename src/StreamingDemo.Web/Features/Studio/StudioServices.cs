namespace StreamingDemo.Web.Features.Studio;

/// <summary>The marketer studio's services (M1–M3, M5).</summary>
public static class StudioServices
{
    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        // Scoped: it composes pages through the per-tab HomeFeed (previews only, so the studio never moves a viewer's page).
        services.AddScoped<CompareService>();
        services.AddSingleton<CommunityService>();
        services.AddSingleton<InsightsService>();
        services.AddSingleton<BillboardService>();
        services.AddHostedService<StudioWarmup>();
        return services;
    }
}
