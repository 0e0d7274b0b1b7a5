#:project ../src/StreamingDemo.Web/StreamingDemo.Web.csproj
#:property TargetFramework=net10.0
#:property Configuration=Release
#:property PublishAot=false
// Bytes and server cost of generated artwork (BENCHMARKS.md → Web, after issue 12): every theme × crop for a fixed
// sample of 40 seeded title names (a desktop home page shows about 40 posters), SVG bytes per crop and gzip bytes, then
// the CPU time and allocations of drawing those 40 posters, best of 300 rounds (after the JIT has tiered up).
//   dotnet run scripts/measure-posters.cs
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using StreamingDemo.Domain;
using StreamingDemo.Web.Art;

string[] names =
[
    "Taste of Sicily", "Pursuit in Hong Kong", "Abbey of Bath", "Academy of Neo-Kyoto", "Accidental Road Trip",
    "Accomplice of the Old Docks", "Acoustic Soundcheck Sessions", "Adventure of Candlewick Castle", "Up",
    "The Lighthouse Keepers of Midnight Harbour", "Night Harbour", "The Frozen Fjord", "Love in Lisbon",
    "Operation Blackout", "The Last Lighthouse Keeper", "Stadium Heart", "Neon Drift", "Echoes of Ravensmoor",
    "Secrets of Bleakwater", "Kingdom of Ash", "Sunnyside Farm", "Cloud Nine Island", "Galaxy Run", "Maple Hollow",
    "Vesterholm", "Saltmarsh Lane", "Accidental Genius", "Acoustic Verse", "The Long Season", "Midnight Express",
    "Starlight Academy", "The Quiet Year", "Wild Coast", "Desert Kings", "The Heist Club", "Summer of Us",
    "A Very Big Family", "Iron Circuit", "Ghosts of Byzantium", "Champions",
];
var styles = new VocabularyArtworkStyles();
var themes = new[] { "dark", "romantic", "comedic", "action", "ensemble", "whimsical", "documentary", "eerie", "epic", "vibrant", "cosmic", "neon", "vintage", "serene", "arena" };
var specs = names.Select((n, i) => new PosterSpec(1000 + i, n, i % 3 == 0 ? TitleKind.Series : TitleKind.Movie, styles.Theme(themes[i % themes.Length]))).ToArray();

foreach (var crop in ArtworkCrops.All)
{
    long raw = 0, zipped = 0, count = 0;
    foreach (var spec in specs)
    {
        foreach (var theme in themes)
        {
            var bytes = Encoding.UTF8.GetBytes(PosterSvg.Build(spec with { Palette = styles.Theme(theme) }, crop));
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(bytes);
            }

            raw += bytes.Length;
            zipped += buffer.Length;
            count++;
        }
    }

    Console.WriteLine($"{crop.Key,-7} mean {raw / count,6:N0} B  gzip {zipped / count,6:N0} B  ({count} SVGs)");
}

var best = double.MaxValue;
long allocated = 0;
for (var round = 0; round < 300; round++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var before = GC.GetAllocatedBytesForCurrentThread();
    var total = 0;
    foreach (var spec in specs)
    {
        total += PosterSvg.Build(spec, ArtworkCrops.Poster).Length;
    }

    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    GC.KeepAlive(total);
}

Console.WriteLine($"40 posters (a home page): best CPU {best:N2} ms of 300 rounds, {allocated / 1024.0:N0} KB allocated");
