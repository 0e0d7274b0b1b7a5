using MudBlazor;

namespace StreamingDemo.Web.Theme;

/// <summary>
/// The streaming look: near-black surfaces, a strong red brand accent used for fills (white on it is 4.8:1),
/// and light greys for text so every text colour passes WCAG AA on the background.
/// </summary>
public static class StreamingTheme
{
    public const string Brand = "#E50914";
    public const string Background = "#141414";

    public static MudTheme Create() => new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = Brand,
            PrimaryContrastText = "#FFFFFF",
            Secondary = "#F5F5F1",
            SecondaryContrastText = "#141414",
            Tertiary = "#46D369",
            Info = "#54B9FF",
            Success = "#46D369",
            Warning = "#FFB020",
            Error = "#FF5A5F",
            Black = "#000000",
            White = "#FFFFFF",
            Background = Background,
            BackgroundGray = "#1B1B1B",
            Surface = "#1F1F1F",
            DrawerBackground = "#0E0E0E",
            DrawerText = "#E5E5E5",
            AppbarBackground = "rgba(10,10,10,0.92)",
            AppbarText = "#E5E5E5",
            TextPrimary = "#F5F5F1",
            TextSecondary = "#B3B3B3",
            TextDisabled = "rgba(255,255,255,0.45)",
            ActionDefault = "#E5E5E5",
            ActionDisabled = "rgba(255,255,255,0.35)",
            ActionDisabledBackground = "rgba(255,255,255,0.12)",
            LinesDefault = "rgba(255,255,255,0.14)",
            LinesInputs = "rgba(255,255,255,0.5)",
            TableLines = "rgba(255,255,255,0.12)",
            Divider = "rgba(255,255,255,0.12)",
            OverlayDark = "rgba(0,0,0,0.7)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Helvetica Neue", "Arial", "sans-serif"],
            },
            H1 = new H1Typography { FontFamily = ["Inter", "Helvetica Neue", "Arial", "sans-serif"], FontWeight = "800", LetterSpacing = "-0.02em" },
            H2 = new H2Typography { FontFamily = ["Inter", "Helvetica Neue", "Arial", "sans-serif"], FontWeight = "800", LetterSpacing = "-0.02em" },
            H3 = new H3Typography { FontFamily = ["Inter", "Helvetica Neue", "Arial", "sans-serif"], FontWeight = "700", LetterSpacing = "-0.01em" },
            H4 = new H4Typography { FontFamily = ["Inter", "Helvetica Neue", "Arial", "sans-serif"], FontWeight = "700" },
            H5 = new H5Typography { FontFamily = ["Inter", "Helvetica Neue", "Arial", "sans-serif"], FontWeight = "700" },
            H6 = new H6Typography { FontFamily = ["Inter", "Helvetica Neue", "Arial", "sans-serif"], FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = ["Inter", "Helvetica Neue", "Arial", "sans-serif"], FontWeight = "600", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
            AppbarHeight = "68px",
        },
    };
}
