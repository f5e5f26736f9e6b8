using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.MultiTenancy;

namespace Platform.Residents.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DesignTimeResidentsDbContextFactory : IDesignTimeDbContextFactory<ResidentsDbContext>
{
    public ResidentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ResidentsDbContext>().UseNpgsql("Host=localhost").Options, new TenantContext());
}
