using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Components;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Profiles;
using StreamingDemo.Web.FirstRun;

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

        services.AddStreamingData(builder.Environment.ContentRootPath);
        services.AddFirstRun();

        services.TryAddSingleton<IArtworkStyles, FallbackArtworkStyles>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<PersonaDirectory>();
        return builder;
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapArtEndpoints();
        app.MapProfileEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The shared first-run status and what turns it to Ready.</summary>
    private static IServiceCollection AddFirstRun(this IServiceCollection services)
    {
        // The store initializer (Data) registers the status too; TryAdd keeps one instance whichever comes first.
        services.TryAddSingleton<FirstRunStatus>();
        services.TryAddSingleton<IFirstRunStatus>(sp => sp.GetRequiredService<FirstRunStatus>());
        services.AddHostedService<SiteReadyAnnouncer>();
        return services;
    }
}
