using System.Text;
using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain.Layouts;

using StreamingDemo.Web.Features.Operations;

namespace StreamingDemo.Web.Features.Lab;

/// <summary>
/// The stored home-page layouts (L1): list, read, create, clone, update, delete, import and export. Every write is
/// validated first (field-level errors, nothing saved) and built-in layouts are read-only. The built-ins are written
/// to the store on first use, so a fresh or imported store has them too.
/// </summary>
public sealed class LayoutLibrary(IDbContextFactory<StreamingDbContext> contexts, StoreWriteGate gate, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim builtInsGate = new(1, 1);
    private volatile bool builtInsReady;

    public async Task<IReadOnlyList<StoredLayout>> ListAsync(CancellationToken cancellationToken = default)
    {
        await EnsureBuiltInsAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Layouts.AsNoTracking().ToListAsync(cancellationToken);
        // Built-ins first in their shipped order, then the team's layouts by name.
        var builtInOrder = BuiltInLayouts.All.Select((b, i) => (b.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        return [.. records.OrderBy(r => r.IsBuiltIn ? 0 : 1).ThenBy(r => builtInOrder.GetValueOrDefault(r.Slug)).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(ToStored)];
    }

    public async Task<StoredLayout?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await EnsureBuiltInsAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Layouts.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return record is null ? null : ToStored(record);
    }

    /// <summary>By numeric id or by slug (<c>netflix-style</c>), as the API's <c>?layout=</c> takes it.</summary>
    public async Task<StoredLayout?> FindAsync(string idOrSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrSlug);
        if (int.TryParse(idOrSlug, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return await GetAsync(id, cancellationToken);
        }

        await EnsureBuiltInsAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Layouts.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == idOrSlug, cancellationToken);
        return record is null ? null : ToStored(record);
    }

    /// <summary>Every problem with the layout, keyed by field path; empty when it can be saved.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(HomeLayout? layout, int? exceptId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slugs = (await db.MicroGenres.AsNoTracking().Select(m => m.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var errors = LayoutValidator.Validate(layout, slugs).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        if (layout is not null && !errors.ContainsKey("name") && !string.IsNullOrWhiteSpace(layout.Name))
        {
            var name = layout.Name.Trim();
            var taken = await db.Layouts.AsNoTracking().AnyAsync(l => l.Name == name && l.Id != exceptId, cancellationToken);
            if (taken)
            {
                errors["name"] = [$"A layout called \"{name}\" already exists."];
            }
        }

        return errors;
    }

    public Task<LayoutSaveResult> CreateAsync(HomeLayout? layout, CancellationToken cancellationToken = default) =>
        gate.WriteAsync(() => gate.SaveAsync(() => CreateInGateAsync(layout, cancellationToken), cancellationToken), cancellationToken);

    private async Task<LayoutSaveResult> CreateInGateAsync(HomeLayout? layout, CancellationToken cancellationToken)
    {
        await EnsureBuiltInsAsync(cancellationToken);
        var errors = await ValidateAsync(layout, null, cancellationToken);
        if (errors.Count > 0)
        {
            return LayoutSaveResult.Invalid(errors);
        }

        var clean = Normalize(layout!);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = new LayoutRecord
        {
            Slug = await FreeSlugAsync(db, clean.Name, cancellationToken),
            Name = clean.Name,
            Definition = LayoutJson.Serialize(clean, indented: false),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        db.Layouts.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return LayoutSaveResult.Saved(ToStored(record));
    }

    /// <summary>Replaces a layout. With <paramref name="expectedVersion"/>, refuses when someone saved it since (nothing is overwritten).</summary>
    public Task<LayoutSaveResult> UpdateAsync(int id, HomeLayout? layout, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        gate.WriteAsync(() => gate.SaveAsync(() => UpdateInGateAsync(id, layout, expectedVersion, cancellationToken), cancellationToken), cancellationToken);

    private async Task<LayoutSaveResult> UpdateInGateAsync(int id, HomeLayout? layout, int? expectedVersion, CancellationToken cancellationToken)
    {
        await EnsureBuiltInsAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Layouts.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (record is null)
        {
            return LayoutSaveResult.Refused(LayoutSaveStatus.NotFound, $"There is no layout {id}.");
        }

        if (record.IsBuiltIn)
        {
            return LayoutSaveResult.Refused(LayoutSaveStatus.ReadOnly, $"\"{record.Name}\" is built in and read-only; clone it to change it.");
        }

        if (expectedVersion is { } expected && expected != record.Version)
        {
            return LayoutSaveResult.Refused(LayoutSaveStatus.Conflict, $"\"{record.Name}\" was saved elsewhere since you opened it (version {record.Version}, yours {expected}).");
        }

        var errors = await ValidateAsync(layout, id, cancellationToken);
        if (errors.Count > 0)
        {
            return LayoutSaveResult.Invalid(errors);
        }

        var clean = Normalize(layout!);
        record.Name = clean.Name;
        record.Definition = LayoutJson.Serialize(clean, indented: false);
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        record.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return LayoutSaveResult.Refused(LayoutSaveStatus.Conflict, $"\"{record.Name}\" was saved elsewhere at the same moment; reload it and try again.");
        }

        return LayoutSaveResult.Saved(ToStored(record));
    }

    /// <summary>A copy named "Name (copy)" (or "(copy 2)", …) that can be edited, built-ins included.</summary>
    public async Task<LayoutSaveResult> CloneAsync(int id, CancellationToken cancellationToken = default)
    {
        var source = await GetAsync(id, cancellationToken);
        if (source is null)
        {
            return LayoutSaveResult.Refused(LayoutSaveStatus.NotFound, $"There is no layout {id}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = (await db.Layouts.AsNoTracking().Select(l => l.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var baseName = source.Name.Length > LayoutValidator.MaxNameLength - 10 ? source.Name[..(LayoutValidator.MaxNameLength - 10)] : source.Name;
        var name = $"{baseName} (copy)";
        for (var n = 2; names.Contains(name); n++)
        {
            name = $"{baseName} (copy {n})";
        }

        return await CreateAsync(source.Layout with { Name = name }, cancellationToken);
    }

    public Task<LayoutDeleteStatus> DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        gate.WriteAsync(() => gate.SaveAsync(() => DeleteInGateAsync(id, cancellationToken), cancellationToken), cancellationToken);

    private async Task<LayoutDeleteStatus> DeleteInGateAsync(int id, CancellationToken cancellationToken)
    {
        await EnsureBuiltInsAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Layouts.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (record is null)
        {
            return LayoutDeleteStatus.NotFound;
        }

        if (record.IsBuiltIn)
        {
            return LayoutDeleteStatus.ReadOnly;
        }

        db.Layouts.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        return LayoutDeleteStatus.Deleted;
    }

    /// <summary>Creates a layout from its JSON document; a malformed document or an invalid layout gives field-level errors.</summary>
    public async Task<LayoutSaveResult> ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        if (!LayoutJson.TryParse(json, out var layout, out var errors))
        {
            return LayoutSaveResult.Invalid(errors);
        }

        return await CreateAsync(layout, cancellationToken);
    }

    /// <summary>The layout's JSON document (docs/layout.schema.json), as import takes it back.</summary>
    public static string Export(StoredLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return LayoutJson.Serialize(layout.Layout);
    }

    /// <summary>Writes the shipped layouts into the store when missing, and refreshes them when the shipped definition changed.</summary>
    public async Task EnsureBuiltInsAsync(CancellationToken cancellationToken = default)
    {
        if (builtInsReady)
        {
            return;
        }

        await builtInsGate.WaitAsync(cancellationToken);
        try
        {
            if (builtInsReady)
            {
                return;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var existing = await db.Layouts.Where(l => l.IsBuiltIn).ToDictionaryAsync(l => l.Slug, StringComparer.Ordinal, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (slug, layout) in BuiltInLayouts.All)
            {
                var definition = LayoutJson.Serialize(layout, indented: false);
                if (existing.TryGetValue(slug, out var record))
                {
                    if (record.Definition != definition)
                    {
                        record.Definition = definition;
                        record.Name = layout.Name;
                        record.UpdatedAt = now;
                        record.Version++;
                    }
                }
                else
                {
                    db.Layouts.Add(new LayoutRecord { Slug = slug, Name = layout.Name, Definition = definition, IsBuiltIn = true, CreatedAt = now, UpdatedAt = now, Version = 1 });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            builtInsReady = true;
        }
        finally
        {
            builtInsGate.Release();
        }
    }

    public void Dispose() => builtInsGate.Dispose();

    private static HomeLayout Normalize(HomeLayout layout) =>
        layout with { Name = layout.Name.Trim(), Description = (layout.Description ?? string.Empty).Trim() };

    private static StoredLayout ToStored(LayoutRecord record) =>
        new(record.Id, record.Slug, record.IsBuiltIn, record.Version, record.UpdatedAt, LayoutJson.TryParse(record.Definition, out var layout, out _)
            ? layout!
            : throw new InvalidDataException($"Stored layout {record.Id} is not a valid layout document."));

    private static async Task<string> FreeSlugAsync(StreamingDbContext db, string name, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var stem = builder.ToString().Trim('-');
        if (stem.Length == 0 || char.IsAsciiDigit(stem[0]))
        {
            stem = "layout-" + stem; // a slug never reads as a numeric id
        }

        stem = stem.Length > 70 ? stem[..70].TrimEnd('-') : stem;
        var taken = (await db.Layouts.AsNoTracking().Where(l => l.Slug.StartsWith(stem)).Select(l => l.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }

        return slug;
    }
}
