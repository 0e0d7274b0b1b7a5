using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Ranking;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Serving;

/// <summary>The learned parts of a model that are expensive to recompute; everything else is rebuilt from the snapshot.</summary>
internal sealed record PersistedModel(
    string DataVersion,
    DateTime TrainedAt,
    ImplicitFactorModel Factors,
    CoViewingNeighbours CoViewing,
    EaseItemModel Ease,
    float[][] Centroids,
    float Temperature,
    CompiledTreeEnsemble? Ranker,
    CompiledTreeEnsemble? Enjoyment,
    MatchCalibrator Calibrator);

/// <summary>
/// Persists models next to the database (<c>models/recommender-&lt;data version&gt;.bin</c>): a header naming the format,
/// the data version and the options that shape the model, a SHA-256 of the body, then the body. A missing, stale or
/// damaged file is reported as "no model" so the caller retrains; it never throws for a bad file.
/// </summary>
public sealed class ModelStore(string directory, ILogger<ModelStore> logger)
{
    private const string Magic = "STREAMINGDEMO-RECOMMENDER";
    private const int FormatVersion = 3;
    private const int KeepModels = 3;

    public string Directory { get; } = directory;

    public string PathFor(string dataVersion) =>
        Path.Combine(Directory, $"recommender-{string.Concat(dataVersion.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_'))}.bin");

    internal RecommenderModel? TryLoad(InteractionSnapshot snapshot, RecommenderOptions options)
    {
        var path = PathFor(snapshot.DataVersion);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var parts = Read(path, snapshot, options);
            if (parts is null)
            {
                logger.LogWarning("Model file {Path} is for other data or options; retraining", path);
                return null;
            }

            return RecommenderTrainer.Assemble(snapshot, options, parts);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or EndOfStreamException or ArgumentException or IndexOutOfRangeException or OverflowException or CryptographicException)
        {
            logger.LogWarning(error, "Model file {Path} is unreadable; retraining", path);
            return null;
        }
    }

    internal void Save(RecommenderModel model, RecommenderOptions options)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathFor(model.DataVersion);
        var temporary = path + ".tmp";
        using (var body = new MemoryStream())
        {
            using (var compressed = new BrotliStream(body, CompressionLevel.Fastest, leaveOpen: true))
            using (var writer = new BinaryWriter(compressed))
            {
                WriteBody(writer, model);
            }

            var bytes = body.ToArray();
            using var file = File.Create(temporary);
            using var header = new BinaryWriter(file);
            header.Write(Magic);
            header.Write(FormatVersion);
            header.Write(model.DataVersion);
            header.Write(Fingerprint(options, model.Catalog.TitleCount, model.Profiles.Count));
            header.Write(SHA256.HashData(bytes));
            header.Write(bytes.Length);
            header.Write(bytes);
        }

        File.Move(temporary, path, overwrite: true);

        // Keep a few recent models (several stores may share a folder, e.g. data/demo-42.db and data/large-42.db); older
        // ones are for data that has moved on.
        foreach (var old in new DirectoryInfo(Directory).EnumerateFiles("recommender-*.bin").OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeepModels))
        {
            TryDelete(old.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another process may still read it; it is replaced next time.
        }
    }

    private static string Fingerprint(RecommenderOptions o, int titles, int profiles) =>
        $"{titles}|{profiles}|{o.Seed}|{o.Factors}|{o.AlsIterations}|{o.AlsRegularization}|{o.AlsAlpha}|{o.Neighbours}|{o.EaseTitles}|{o.EaseRegularization}|{o.Communities}|{o.CommunityRestarts}|{o.RankerProfiles}|{o.EnjoymentProfiles}|{o.RankerObjective}|{o.RankerTrees}|{o.RankerLeaves}|{o.TrendingDays}";

    private static PersistedModel? Read(string path, InteractionSnapshot snapshot, RecommenderOptions options)
    {
        using var file = File.OpenRead(path);
        using var header = new BinaryReader(file);
        if (header.ReadString() != Magic || header.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a recommender model file of this version.");
        }

        var dataVersion = header.ReadString();
        var fingerprint = header.ReadString();
        if (dataVersion != snapshot.DataVersion || fingerprint != Fingerprint(options, snapshot.Titles.Count, snapshot.Profiles.Count))
        {
            return null;
        }

        var hash = header.ReadBytes(32);
        var length = header.ReadInt32();
        var bytes = header.ReadBytes(length);
        if (bytes.Length != length || !SHA256.HashData(bytes).AsSpan().SequenceEqual(hash))
        {
            throw new InvalidDataException("The model file is truncated or damaged.");
        }

        using var body = new BinaryReader(new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress));
        return ReadBody(body, dataVersion);
    }

    private static void WriteBody(BinaryWriter w, RecommenderModel m)
    {
        w.Write(m.TrainedAt.Ticks);
        var f = m.Factors;
        w.Write(f.Factors);
        w.Write(f.Regularization);
        w.Write(f.Alpha);
        Floats(w, f.ItemFactors);
        Floats(w, f.UserFactors);
        w.Write(m.CoViewing.Neighbours.Length);
        for (var t = 0; t < m.CoViewing.Neighbours.Length; t++)
        {
            Ints(w, m.CoViewing.Neighbours[t]);
            Floats(w, m.CoViewing.Similarities[t]);
        }

        Ints(w, m.Ease.Items);
        Floats(w, m.Ease.Weights);
        w.Write(m.Communities.Centroids.Length);
        foreach (var centroid in m.Communities.Centroids)
        {
            Floats(w, centroid);
        }

        w.Write(m.Communities.Temperature);
        Trees(w, m.Ranker);
        Trees(w, m.Enjoyment);
        Floats(w, m.Calibrator.Scores);
        Floats(w, m.Calibrator.Probabilities);
    }

    private static PersistedModel ReadBody(BinaryReader r, string dataVersion)
    {
        var trainedAt = new DateTime(r.ReadInt64(), DateTimeKind.Utc);
        var k = r.ReadInt32();
        var regularization = r.ReadSingle();
        var alpha = r.ReadSingle();
        var factors = new ImplicitFactorModel(k, regularization, alpha, Floats(r), Floats(r));
        var titles = r.ReadInt32();
        var neighbours = new int[titles][];
        var similarities = new float[titles][];
        for (var t = 0; t < titles; t++)
        {
            neighbours[t] = Ints(r);
            similarities[t] = Floats(r);
        }

        var ease = new EaseItemModel(titles, Ints(r), Floats(r));
        var centroids = new float[r.ReadInt32()][];
        for (var c = 0; c < centroids.Length; c++)
        {
            centroids[c] = Floats(r);
        }

        var temperature = r.ReadSingle();
        var ranker = Trees(r);
        var enjoyment = Trees(r);
        var calibrator = new MatchCalibrator(Floats(r), Floats(r));
        return new PersistedModel(dataVersion, trainedAt, factors, new CoViewingNeighbours(neighbours, similarities), ease, centroids, temperature, ranker, enjoyment, calibrator);
    }

    private static void Trees(BinaryWriter w, CompiledTreeEnsemble? trees)
    {
        w.Write(trees is not null);
        if (trees is not null)
        {
            Ints(w, trees.TreeStart);
            Ints(w, trees.LeafStart);
            Ints(w, trees.Feature);
            Floats(w, trees.Threshold);
            Ints(w, trees.Left);
            Ints(w, trees.Right);
            Floats(w, trees.Leaves);
            w.Write(trees.Bias);
        }
    }

    private static CompiledTreeEnsemble? Trees(BinaryReader r) =>
        r.ReadBoolean() ? new CompiledTreeEnsemble(Ints(r), Ints(r), Ints(r), Floats(r), Ints(r), Ints(r), Floats(r), r.ReadDouble()) : null;

    private static void Floats(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static void Ints(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] Floats(BinaryReader r)
    {
        var values = new float[r.ReadInt32()];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        r.BaseStream.ReadExactly(bytes);
        return values;
    }

    private static int[] Ints(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        r.BaseStream.ReadExactly(bytes);
        return values;
    }
}
