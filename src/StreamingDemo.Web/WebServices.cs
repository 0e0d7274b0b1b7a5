using Microsoft.AspNetCore.ResponseCompression;
using StreamingDemo.Data.Seeding;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using StreamingDemo.Data;
using StreamingDemo.Recommender;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Components;
using StreamingDemo.Web.Features.Artwork;
using StreamingDemo.Web.Features.Api;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Health;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Lab;
using StreamingDemo.Web.Features.Notifications;
using StreamingDemo.Web.Features.Onboarding;
using StreamingDemo.Web.Features.Operations;
using StreamingDemo.Web.Features.Player;
using StreamingDemo.Web.Features.Profiles;
using StreamingDemo.Web.Features.Presenter;
using StreamingDemo.Web.Features.Security;
using StreamingDemo.Web.Features.Studio;
using StreamingDemo.Web.Features.Titles;

namespace StreamingDemo.Web;

/// <summary>The web app's areas, one extension each, so Program.cs reads as a table of contents.</summary>
public static class WebServices
{
    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddApi();

        services.AddStreamingData(builder.Environment.ContentRootPath);
        services.AddStoreInitializer();
        // Before the recommender: the demo clock is the one TimeProvider of the whole site.
        services.AddDemoClock();
        // Models are persisted next to the database, so a restart loads them instead of retraining.
        services.AddRecommender(sp => sp.GetRequiredService<StoreLocation>().ModelDirectory);

        services.AddSingleton<IArtworkStyles, VocabularyArtworkStyles>();
        // Generated SVG artwork compresses to about 40 % (ADR 0032): a home page's 40 posters go from ~274 KB to ~108 KB.
        // Only SVG: pages and API answers carry antiforgery tokens and keys (BREACH), and Blazor's own files come precompressed.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["image/svg+xml"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddOptions<ArtworkOptions>().Bind(builder.Configuration.GetSection(ArtworkOptions.SectionName))
            .Validate(o => o.ExplorationRate is >= 0 and <= 1, "Artwork:ExplorationRate must be between 0 and 1.")
            .Validate(o => o.Alpha >= 0, "Artwork:Alpha must not be negative.")
            .Validate(o => o.ImpressionFlushInterval > TimeSpan.Zero, "Artwork:ImpressionFlushInterval must be positive.")
            .Validate(o => o.ImpressionBatchSize > 0, "Artwork:ImpressionBatchSize must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ArtworkImpressionLog>();
        services.AddSingleton<ArtworkService>();
        services.AddSingleton<ArtworkReplayService>();
        services.AddHostedService<ArtworkWarmup>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<TitleMatches>();
        services.AddSingleton<PersonaDirectory>();
        services.AddSingleton<ContinueWatchingReader>();
        services.AddSingleton<HomeVisits>();
        services.AddSingleton<PrerenderedPages>();
        // One per circuit, that is per browser tab: what the tab saw last and the thumb it gave since.
        services.AddScoped<BrowsingSession>();
        services.AddScoped<HomeFeed>();
        services.AddSingleton<TitleDetailService>();
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<OnboardingService>();
        services.AddSingleton<PlaybackService>();
        services.AddSingleton<StreamingDemo.Web.Features.Interactive.InteractiveService>();
        services.AddSingleton<LayoutLibrary>();
        services.AddSingleton<ExperimentRunner>();

        services.AddPresenter();
        services.AddSingleton<StoreEvents>();
        services.AddSingleton<StoreWriteGate>();
        services.AddSingleton<DemoReset>();
        services.AddSingleton<StreamingDemo.Web.Features.Datasets.DatasetLibrary>();
        services.AddOptions<JoinOptions>().BindConfiguration(JoinOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || (Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"),
                "Join:PublicUrl must be an absolute http or https address.")
            .ValidateOnStart();
        services.AddSingleton<JoinLink>();
        services.AddStreamingRateLimits(builder.Configuration);
        services.AddStreamingHealthChecks();
        builder.AddRequestLimits();

        services.AddStudio();
        services.AddNotifications();
        return builder;
    }

    /// <summary>Serves the repository's wwwroot-assets/ (copied next to the app) under /assets/, cached for a week.</summary>
    private static void UseSharedAssets(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");
        if (!Directory.Exists(root))
        {
            return;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = "/assets",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
    }

    /// <summary>
    /// Friendly status pages only for pages a browser navigates to: a form post or an API call keeps its status and body,
    /// and re-executing a POST would run antiforgery a second time on a page endpoint.
    /// </summary>
    private static void UseFriendlyStatusPagesForNavigationsOnly(this WebApplication app) =>
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }

            return next(context);
        });

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseFriendlyStatusPagesForNavigationsOnly();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseSharedAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapArtEndpoints();
        app.MapProfileEndpoints();
        app.MapStudioEndpoints();
        app.MapMachineryEndpoints();
        app.MapPresenterEndpoints();
        app.MapApiDocuments();
        app.MapApiEndpoints().RequireRateLimiting(RateLimitPolicies.Api);
        app.MapHealthEndpoints();
        app.MapAdminEndpoints();
        app.MapJoinEndpoints();
        // Framing is refused by the site-wide Content-Security-Policy (SecurityHeaders), so Blazor adds no second one.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
