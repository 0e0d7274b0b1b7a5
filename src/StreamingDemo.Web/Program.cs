using StreamingDemo.Web;

var builder = WebApplication.CreateBuilder(args);

// Serve static assets (MudBlazor, fonts, app.css) from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();
builder.AddWebServices();

var app = builder.Build();
app.UseWebPipeline();
app.Run();

/// <summary>Visible to tests, which host the app with WebApplicationFactory.</summary>
public partial class Program;
