using StreamingDemo.Data.Seeding;
using MudBlazor.Services;
using StreamingDemo.Data;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Components;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Profiles;

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
        services.AddStoreInitializer();

        services.AddSingleton<IArtworkStyles, VocabularyArtworkStyles>();
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
}
