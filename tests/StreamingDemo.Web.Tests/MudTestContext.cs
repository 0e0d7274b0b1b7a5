using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace StreamingDemo.Web.Tests;

/// <summary>The one test base for components: MudBlazor services with loose JS interop (MudBlazor calls JS we do not assert on).</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
