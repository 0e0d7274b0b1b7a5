using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StreamingDemo.Data.Entities;

namespace StreamingDemo.Data.Configurations;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.HasIndex(p => p.IsFeatured);
        builder.Property(p => p.Name).HasMaxLength(40);
        builder.HasMany(p => p.Devices).WithOne().HasForeignKey(d => d.ProfileId);
    }
}

internal sealed class ProfileDeviceConfiguration : IEntityTypeConfiguration<ProfileDevice>
{
    public void Configure(EntityTypeBuilder<ProfileDevice> builder) => builder.HasKey(d => new { d.ProfileId, d.Device });
}

internal sealed class ViewingSessionConfiguration : IEntityTypeConfiguration<ViewingSession>
{
    public void Configure(EntityTypeBuilder<ViewingSession> builder)
    {
        builder.HasIndex(s => new { s.ProfileId, s.StartedAt });
        builder.HasIndex(s => s.TitleId);
    }
}

internal sealed class PausePointConfiguration : IEntityTypeConfiguration<PausePoint>
{
    public void Configure(EntityTypeBuilder<PausePoint> builder) => builder.HasIndex(p => new { p.TitleId, p.EpisodeId });
}

internal sealed class ThumbConfiguration : IEntityTypeConfiguration<Thumb>
{
    public void Configure(EntityTypeBuilder<Thumb> builder)
    {
        builder.HasKey(t => new { t.ProfileId, t.TitleId });
        builder.HasIndex(t => t.TitleId);
    }
}

internal sealed class ImpressionConfiguration : IEntityTypeConfiguration<Impression>
{
    public void Configure(EntityTypeBuilder<Impression> builder)
    {
        builder.HasIndex(i => new { i.ProfileId, i.At });
        builder.HasIndex(i => i.TitleId);
    }
}

internal sealed class ArtworkImpressionConfiguration : IEntityTypeConfiguration<ArtworkImpression>
{
    public void Configure(EntityTypeBuilder<ArtworkImpression> builder)
    {
        builder.Property(i => i.Theme).HasMaxLength(40);
        builder.HasIndex(i => i.ProfileId);
    }
}

internal sealed class InfluenceEdgeConfiguration : IEntityTypeConfiguration<InfluenceEdge>
{
    public void Configure(EntityTypeBuilder<InfluenceEdge> builder)
    {
        builder.HasKey(e => new { e.FromProfileId, e.ToProfileId });
        builder.HasIndex(e => e.ToProfileId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasIndex(n => new { n.ProfileId, n.ScheduledFor });
        // The store itself refuses a second firing of the same notification.
        builder.HasIndex(n => new { n.ProfileId, n.DedupeKey }).IsUnique();
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.DedupeKey).HasMaxLength(128);
    }
}

internal sealed class StoreMetaConfiguration : IEntityTypeConfiguration<StoreMeta>
{
    public void Configure(EntityTypeBuilder<StoreMeta> builder) => builder.HasKey(m => m.Key);
}

internal sealed class PlantedCommunityConfiguration : IEntityTypeConfiguration<PlantedCommunity>
{
    public void Configure(EntityTypeBuilder<PlantedCommunity> builder)
    {
        builder.ToTable("GroundTruthCommunities");
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}

internal sealed class PlantedCommunityAffinityConfiguration : IEntityTypeConfiguration<PlantedCommunityAffinity>
{
    public void Configure(EntityTypeBuilder<PlantedCommunityAffinity> builder)
    {
        builder.ToTable("GroundTruthCommunityAffinities");
        builder.HasKey(a => new { a.CommunityId, a.MicroGenreId });
    }
}

internal sealed class PlantedMembershipConfiguration : IEntityTypeConfiguration<PlantedMembership>
{
    public void Configure(EntityTypeBuilder<PlantedMembership> builder)
    {
        builder.ToTable("GroundTruthMemberships");
        builder.HasKey(m => new { m.ProfileId, m.Rank });
        builder.HasIndex(m => m.CommunityId);
    }
}

internal sealed class PlantedHabitConfiguration : IEntityTypeConfiguration<PlantedHabit>
{
    public void Configure(EntityTypeBuilder<PlantedHabit> builder)
    {
        builder.ToTable("GroundTruthHabits");
        builder.HasKey(h => h.ProfileId);
    }
}
