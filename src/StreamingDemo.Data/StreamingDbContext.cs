using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using StreamingDemo.Data.Entities;

namespace StreamingDemo.Data;

public sealed class StreamingDbContext(DbContextOptions<StreamingDbContext> options) : DbContext(options)
{
    public DbSet<Genre> Genres => Set<Genre>();
    public DbSet<MicroGenre> MicroGenres => Set<MicroGenre>();
    public DbSet<Title> Titles => Set<Title>();
    public DbSet<TitleGenre> TitleGenres => Set<TitleGenre>();
    public DbSet<TitleTag> TitleTags => Set<TitleTag>();
    public DbSet<Credit> Credits => Set<Credit>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<ArtworkVariant> ArtworkVariants => Set<ArtworkVariant>();
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<ProfileDevice> ProfileDevices => Set<ProfileDevice>();
    public DbSet<ViewingSession> ViewingSessions => Set<ViewingSession>();
    public DbSet<PausePoint> PausePoints => Set<PausePoint>();
    public DbSet<Thumb> Thumbs => Set<Thumb>();
    public DbSet<Impression> Impressions => Set<Impression>();
    public DbSet<ArtworkImpression> ArtworkImpressions => Set<ArtworkImpression>();
    public DbSet<InfluenceEdge> InfluenceEdges => Set<InfluenceEdge>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<StoreMeta> Meta => Set<StoreMeta>();
    public DbSet<PlantedCommunity> PlantedCommunities => Set<PlantedCommunity>();
    public DbSet<PlantedCommunityAffinity> PlantedCommunityAffinities => Set<PlantedCommunityAffinity>();
    public DbSet<PlantedMembership> PlantedMemberships => Set<PlantedMembership>();
    public DbSet<PlantedHabit> PlantedHabits => Set<PlantedHabit>();
    public DbSet<LayoutRecord> Layouts => Set<LayoutRecord>();
    public DbSet<ExperimentRecord> Experiments => Set<ExperimentRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StreamingDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Times are UTC ticks in an INTEGER column: exact, compact, and what the bulk writers insert directly.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(
        value => value.Ticks,
        ticks => new DateTime(ticks, DateTimeKind.Utc));
}
