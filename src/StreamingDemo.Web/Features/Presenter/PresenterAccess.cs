using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace StreamingDemo.Web.Features.Presenter;

/// <summary>
/// Says whether this circuit (this browser) is the presenter's. Components show presenter controls read-only
/// when it is not, and feature services call <see cref="DemandAsync"/> before any global change, so a crafted
/// circuit event cannot bypass a disabled button.
/// </summary>
public sealed class PresenterAccess(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<bool> IsPresenterAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var result = await authorization.AuthorizeAsync(state.User, resource: null, PresenterPolicy.Name);
        return result.Succeeded;
    }

    /// <summary>Throws <see cref="UnauthorizedAccessException"/> unless this circuit is the presenter's.</summary>
    public async Task DemandAsync()
    {
        if (!await IsPresenterAsync())
        {
            throw new UnauthorizedAccessException("Only the presenter can do this. Sign in at /presenter with the presenter key.");
        }
    }
}
