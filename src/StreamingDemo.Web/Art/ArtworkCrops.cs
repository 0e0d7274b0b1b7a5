using System.Text.Json;

namespace StreamingDemo.Web.Art;

/// <summary>One crop generated artwork is drawn in (wwwroot-assets/artwork/crops.json).</summary>
public sealed record ArtworkCrop(string Key, string Label, int Width, int Height, double TitleWidth, double TitleHeight, double TitleBottom, double MaxFont, double MinFont, bool Landscape);

/// <summary>The crops every artwork variant is drawn in: poster, landscape card and TV hero.</summary>
public static class ArtworkCrops
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyList<ArtworkCrop>> Shipped = new(() =>
        Load(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets", "artwork", "crops.json")));

    public static IReadOnlyList<ArtworkCrop> All => Shipped.Value;

    public static ArtworkCrop Poster => Find("poster")!;

    public static ArtworkCrop Card => Find("card")!;

    public static ArtworkCrop Hero => Find("hero")!;

    /// <summary>The crop with this key (case-insensitive), or null for an unknown one.</summary>
    public static ArtworkCrop? Find(string? key) => All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<ArtworkCrop> Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<CropFile>(stream, Json)
            ?? throw new InvalidDataException($"{path} holds no crops.");
        foreach (var crop in file.Crops)
        {
            if (crop.Width <= 0 || crop.Height <= 0 || crop.MinFont <= 0 || crop.MaxFont < crop.MinFont || crop.TitleWidth <= 0 || crop.TitleWidth > crop.Width)
            {
                throw new InvalidDataException($"{path}: crop '{crop.Key}' has impossible sizes.");
            }
        }

        return file.Crops;
    }

    private sealed record CropFile(IReadOnlyList<ArtworkCrop> Crops);
}
