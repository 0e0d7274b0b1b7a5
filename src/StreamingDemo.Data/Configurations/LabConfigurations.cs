using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StreamingDemo.Data.Entities;

namespace StreamingDemo.Data.Configurations;

internal sealed class LayoutRecordConfiguration : IEntityTypeConfiguration<LayoutRecord>
{
    public void Configure(EntityTypeBuilder<LayoutRecord> builder)
    {
        builder.ToTable("Layouts");
        builder.Property(l => l.Slug).HasMaxLength(80);
        builder.HasIndex(l => l.Slug).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(60).UseCollation("NOCASE");
        builder.HasIndex(l => l.Name).IsUnique();
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}

internal sealed class ExperimentRecordConfiguration : IEntityTypeConfiguration<ExperimentRecord>
{
    public void Configure(EntityTypeBuilder<ExperimentRecord> builder)
    {
        builder.ToTable("Experiments");
        builder.Property(e => e.Name).HasMaxLength(120);
        builder.HasIndex(e => e.CreatedAt);
    }
}
