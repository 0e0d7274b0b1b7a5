using System.Text.Json;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Web.Art;

namespace StreamingDemo.Web.Tests;

/// <summary>The display faces posters are lettered in: shipped, licensed, covering the catalogue, measured exactly.</summary>
public sealed class DisplayFaceTests
{
    [Fact]
    public void WidthsAreTheFaceAdvancesWithKerningAndTracking()
    {
        var anton = DisplayFace.Get("anton");

        // Anton (2048 units per em): A advances 994, V 961, and the pair AV kerns by -44; tracking 0.1 em is 205 units.
        Assert.Equal(2048, anton.UnitsPerEm);
        Assert.Equal(1911 / 2048.0, anton.Measure("AV", 0), 12);
        Assert.Equal(2116 / 2048.0, anton.Measure("AV", .1), 12);
        Assert.Equal((994 + 961) / 2048.0, anton.Measure("VA", 0) + (42 / 2048.0), 12);
    }

    [Fact]
    public void EveryTemplateFaceIsShippedWithItsLicenceAndCoversEverySeededTitleCharacter()
    {
        // The characters the seeded catalogue's titles are made of (word lists), upper- and lower-case.
        var words = SeedVocabulary.Default.Words.Values.SelectMany(w => w.TitleAdjectives.Concat(w.TitleNouns).Concat(w.Places).Concat(w.TitlePatterns));
        var letters = new string([.. words.SelectMany(w => w).Where(c => c != '{' && c != '}').Distinct()]);
        var needed = letters + letters.ToUpperInvariant();

        foreach (var key in PosterTemplates.All.Select(t => t.Face).Append(PosterSvg.LabelFace).Distinct())
        {
            var path = Path.Combine(DisplayFace.Directory, key + ".json");
            Assert.True(File.Exists(path), $"{path} is missing");
            using var file = JsonDocument.Parse(File.ReadAllText(path));
            var licence = Path.Combine(DisplayFace.Directory, "..", file.RootElement.GetProperty("licence").GetString()!);
            Assert.True(File.Exists(licence), $"the licence of {key} ({licence}) is missing");
            Assert.Matches("SIL OPEN FONT LICENSE Version 1.1|Apache License", File.ReadAllText(licence));
            var face = DisplayFace.Get(key);
            Assert.True(face.Covers(needed), $"{key} lacks {new string([.. needed.Where(c => !face.Covers(c.ToString()))])}");
        }
    }

    [Fact]
    public void AnUnknownFaceIsAClearError()
    {
        var error = Assert.Throws<FileNotFoundException>(() => DisplayFace.Get("comic-sans"));

        Assert.Contains("comic-sans", error.Message, StringComparison.Ordinal);
    }
}
