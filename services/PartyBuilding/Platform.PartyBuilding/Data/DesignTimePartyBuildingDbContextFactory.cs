using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.MultiTenancy;

namespace Platform.PartyBuilding.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DesignTimePartyBuildingDbContextFactory : IDesignTimeDbContextFactory<PartyBuildingDbContext>
{
    public PartyBuildingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PartyBuildingDbContext>().UseNpgsql("Host=localhost").Options, new TenantContext());
}
