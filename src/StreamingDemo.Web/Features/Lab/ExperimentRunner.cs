using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Evaluation;

namespace StreamingDemo.Web.Features.Lab;

public enum ExperimentState
{
    Running = 0,
    Finished = 1,
    Cancelled = 2,
    Failed = 3,
}

/// <summary>The run in progress (or the last one): how far it got and, once finished, the saved experiment's id.</summary>
public sealed record ExperimentProgress(string Name, ExperimentState State, double Fraction, int? SavedId = null, string? Error = null);

/// <summary>A saved offline A/B run, reopened exactly as it finished.</summary>
public sealed record SavedExperiment(int Id, string Name, DateTime CreatedAt, int Seed, int SampleSize, DeviceType Device, string LayoutA, string LayoutB, LayoutExperimentResult Result);

/// <summary>
/// Runs offline A/B experiments (L3) in the background, one at a time (each trains a model), with progress and
/// cancellation, and saves every finished run so it can be reopened.
/// </summary>
public sealed class ExperimentRunner(IDbContextFactory<StreamingDbContext> contexts, IInteractionSource source, IOptions<RecommenderOptions> options, TimeProvider clock, ILogger<ExperimentRunner> logger)
    : IDisposable
{
    public const int MaxSampleSize = 5000;

    private static readonly JsonSerializerOptions Json = LayoutJson.CreateOptions(indented: false);
    private readonly Lock gate = new();
    private CancellationTokenSource? cancel;

    public ExperimentProgress? Current { get; private set; }

    public event Action<ExperimentProgress>? Changed;

    /// <summary>Starts a run; false (and nothing started) when one is already running.</summary>
    public bool TryStart(StoredLayout a, StoredLayout b, int sampleSize, int seed, DeviceType device)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleSize, MaxSampleSize);
        var name = $"{a.Name} vs {b.Name} · {sampleSize} profiles · {LayoutValidator.JsonName(device)} · seed {seed}";
        CancellationToken token;
        lock (gate)
        {
            if (Current?.State == ExperimentState.Running)
            {
                return false;
            }

            cancel?.Dispose();
            cancel = new CancellationTokenSource();
            token = cancel.Token;
            Report(new ExperimentProgress(name, ExperimentState.Running, 0));
        }

        _ = Task.Run(() => RunAsync(name, a, b, sampleSize, seed, device, token), CancellationToken.None);
        return true;
    }

    public void Cancel()
    {
        lock (gate)
        {
            cancel?.Cancel();
        }
    }

    public async Task<IReadOnlyList<SavedExperiment>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Experiments.AsNoTracking().OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        return [.. records.Select(ToSaved)];
    }

    public async Task<SavedExperiment?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return record is null ? null : ToSaved(record);
    }

    private async Task RunAsync(string name, StoredLayout a, StoredLayout b, int sampleSize, int seed, DeviceType device, CancellationToken token)
    {
        try
        {
            var snapshot = await source.LoadSnapshotAsync(token);
            var last = 0.0;
            var progress = new Progress<double>(f =>
            {
                // Report in whole percents, so a circuit is not flooded with renders.
                if (f - last >= 0.01 || f >= 1)
                {
                    last = f;
                    Report(new ExperimentProgress(name, ExperimentState.Running, f));
                }
            });
            var result = LayoutExperiment.Run(snapshot, new LayoutExperimentRequest(a.Layout, b.Layout, sampleSize, seed, device), options.Value, progress, token);
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            var record = new ExperimentRecord
            {
                Name = name.Length > 120 ? name[..120] : name,
                LayoutAId = a.Id,
                LayoutBId = b.Id,
                LayoutAName = a.Name,
                LayoutBName = b.Name,
                Seed = seed,
                SampleSize = sampleSize,
                ModelVersion = result.ModelVersion,
                Results = JsonSerializer.Serialize(new StoredResult(device, result), Json),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Experiments.Add(record);
            await db.SaveChangesAsync(CancellationToken.None);
            Report(new ExperimentProgress(name, ExperimentState.Finished, 1, record.Id));
        }
        catch (OperationCanceledException)
        {
            Report(new ExperimentProgress(name, ExperimentState.Cancelled, Current?.Fraction ?? 0));
        }
#pragma warning disable CA1031 // a failed background run is reported to the page, never thrown into the void
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Experiment {Name} failed", name);
            Report(new ExperimentProgress(name, ExperimentState.Failed, Current?.Fraction ?? 0, Error: ex.Message));
        }
    }

    private void Report(ExperimentProgress progress)
    {
        Current = progress;
        Changed?.Invoke(progress);
    }

    private static SavedExperiment ToSaved(ExperimentRecord record)
    {
        var stored = JsonSerializer.Deserialize<StoredResult>(record.Results, Json) ?? throw new InvalidDataException($"Experiment {record.Id} has no results.");
        return new SavedExperiment(record.Id, record.Name, record.CreatedAt, record.Seed, record.SampleSize, stored.Device, record.LayoutAName, record.LayoutBName, stored.Result);
    }

    public void Dispose() => cancel?.Dispose();

    private sealed record StoredResult(DeviceType Device, LayoutExperimentResult Result);
}
