using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.MultiTenancy;

namespace Platform.Districts.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DesignTimeDistrictsDbContextFactory : IDesignTimeDbContextFactory<DistrictsDbContext>
{
    public DistrictsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DistrictsDbContext>().UseNpgsql("Host=localhost").Options, new TenantContext());
}
