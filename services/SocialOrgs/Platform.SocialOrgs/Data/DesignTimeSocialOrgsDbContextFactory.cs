using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.MultiTenancy;

namespace Platform.SocialOrgs.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DesignTimeSocialOrgsDbContextFactory : IDesignTimeDbContextFactory<SocialOrgsDbContext>
{
    public SocialOrgsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SocialOrgsDbContext>().UseNpgsql("Host=localhost").Options, new TenantContext());
}
