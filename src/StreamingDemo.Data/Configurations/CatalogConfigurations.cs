using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StreamingDemo.Data.Entities;

namespace StreamingDemo.Data.Configurations;

internal sealed class GenreConfiguration : IEntityTypeConfiguration<Genre>
{
    public void Configure(EntityTypeBuilder<Genre> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasIndex(g => g.Slug).IsUnique();
    }
}

internal sealed class MicroGenreConfiguration : IEntityTypeConfiguration<MicroGenre>
{
    public void Configure(EntityTypeBuilder<MicroGenre> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.HasOne(m => m.Genre).WithMany().HasForeignKey(m => m.GenreId);
    }
}

internal sealed class TitleConfiguration : IEntityTypeConfiguration<Title>
{
    public void Configure(EntityTypeBuilder<Title> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => t.Name);
        builder.HasOne(t => t.PrimaryGenre).WithMany().HasForeignKey(t => t.PrimaryGenreId);
        builder.HasMany(t => t.Genres).WithOne().HasForeignKey(g => g.TitleId);
        builder.HasMany(t => t.Tags).WithOne().HasForeignKey(g => g.TitleId);
        builder.HasMany(t => t.Credits).WithOne().HasForeignKey(c => c.TitleId);
        builder.HasMany(t => t.Episodes).WithOne().HasForeignKey(e => e.TitleId);
        builder.HasMany(t => t.ArtworkVariants).WithOne().HasForeignKey(a => a.TitleId);
    }
}

internal sealed class TitleGenreConfiguration : IEntityTypeConfiguration<TitleGenre>
{
    public void Configure(EntityTypeBuilder<TitleGenre> builder)
    {
        builder.HasKey(g => new { g.TitleId, g.GenreId });
        builder.HasIndex(g => g.GenreId);
    }
}

internal sealed class TitleTagConfiguration : IEntityTypeConfiguration<TitleTag>
{
    public void Configure(EntityTypeBuilder<TitleTag> builder)
    {
        builder.HasKey(t => new { t.TitleId, t.MicroGenreId });
        builder.HasIndex(t => t.MicroGenreId);
    }
}

internal sealed class CreditConfiguration : IEntityTypeConfiguration<Credit>
{
    public void Configure(EntityTypeBuilder<Credit> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.TitleId);
    }
}

internal sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.TitleId, e.SeasonNumber, e.EpisodeNumber }).IsUnique();
    }
}

internal sealed class ArtworkVariantConfiguration : IEntityTypeConfiguration<ArtworkVariant>
{
    public void Configure(EntityTypeBuilder<ArtworkVariant> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => a.TitleId);
    }
}
