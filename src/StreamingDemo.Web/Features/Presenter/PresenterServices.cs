using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace StreamingDemo.Web.Features.Presenter;

public static class PresenterServices
{
    /// <summary>The presenter key, its cookie and header schemes, the <see cref="PresenterPolicy.Name"/> policy and <see cref="PresenterAccess"/>.</summary>
    public static IServiceCollection AddPresenter(this IServiceCollection services)
    {
        services.AddOptions<PresenterOptions>().BindConfiguration(PresenterOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.Key) || o.Key.Trim().Length >= PresenterOptions.MinimumKeyLength,
                $"Presenter:Key must be at least {PresenterOptions.MinimumKeyLength} characters.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyFile), "Presenter:KeyFile must not be empty.")
            .ValidateOnStart();
        services.AddSingleton<PresenterKey>();
        services.AddHostedService<PresenterKeyAnnouncer>();

        services.AddAuthentication(PresenterPolicy.CookieScheme)
            .AddCookie(PresenterPolicy.CookieScheme, options =>
            {
                options.Cookie.Name = PresenterPolicy.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.IsEssential = true;
                // Signed in once per browser: a workshop day and the rehearsal before it.
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                options.SlidingExpiration = true;
                options.LoginPath = PresenterEndpoints.SignInPage;
                options.AccessDeniedPath = PresenterEndpoints.SignInPage;
                options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = context =>
                {
                    // A changed key (new file, new configuration) signs every old cookie out.
                    var key = context.HttpContext.RequestServices.GetRequiredService<PresenterKey>();
                    if (!key.IsCurrentFingerprint(context.Principal?.FindFirst(PresenterPolicy.KeyClaim)?.Value))
                    {
                        context.RejectPrincipal();
                    }

                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, PresenterKeyHeaderHandler>(PresenterPolicy.HeaderScheme, _ => { });

        services.AddOptions<AuthorizationOptions>().Configure<PresenterKey>((options, key) =>
            options.AddPolicy(PresenterPolicy.Name, policy => policy
                .AddAuthenticationSchemes(PresenterPolicy.HeaderScheme, PresenterPolicy.CookieScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.Claims.Any(c => c.Type == PresenterPolicy.KeyClaim && key.IsCurrentFingerprint(c.Value)))));
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<PresenterAccess>();
        return services;
    }

    /// <summary>API and other non-page requests get a status code; pages are sent to the sign-in page.</summary>
    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Method != HttpMethods.Get)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Prints a freshly generated key once on the console, like a notebook token. It goes to the console only, never to
/// a log provider; later starts say where the key file is.
/// </summary>
public sealed class PresenterKeyAnnouncer(PresenterKey key, IHostApplicationLifetime lifetime, ILogger<PresenterKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var generated = key.TakeKeyToAnnounce();
        switch (key.Source)
        {
            case PresenterKeySource.Configuration:
                logger.LogInformation("Presenter key: taken from configuration (Presenter:Key)");
                break;
            case PresenterKeySource.KeyFile:
                logger.LogInformation("Presenter key: kept in {KeyFile}; sign in at /presenter", key.KeyFilePath);
                break;
            case PresenterKeySource.Generated:
                logger.LogInformation("Presenter key: generated and stored in {KeyFile}", key.KeyFilePath);
                lifetime.ApplicationStarted.Register(() => Console.Out.WriteLine(
                    $"""

                     Presenter key (shown once; also in {key.KeyFilePath}):

                         {generated}

                     Sign in with it at /presenter to reset the demo and show the join page.

                    """));
                break;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
