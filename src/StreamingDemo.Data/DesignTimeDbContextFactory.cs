using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StreamingDemo.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<StreamingDbContext>
{
    public StreamingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
