using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StreamingDemo.Data.Entities;

namespace StreamingDemo.Data.Configurations;

internal sealed class InteractiveTitleConfiguration : IEntityTypeConfiguration<InteractiveTitle>
{
    public void Configure(EntityTypeBuilder<InteractiveTitle> builder)
    {
        builder.HasKey(t => t.TitleId);
        builder.Property(t => t.TitleId).ValueGeneratedNever();
        builder.Property(t => t.StoryKey).HasMaxLength(60);
    }
}

internal sealed class StoryPlayConfiguration : IEntityTypeConfiguration<StoryPlay>
{
    public void Configure(EntityTypeBuilder<StoryPlay> builder)
    {
        builder.HasIndex(p => new { p.TitleId, p.ProfileId });
        builder.HasIndex(p => p.ProfileId);
        builder.Property(p => p.StoryKey).HasMaxLength(60);
        builder.Property(p => p.EndingSceneId).HasMaxLength(60);
    }
}
