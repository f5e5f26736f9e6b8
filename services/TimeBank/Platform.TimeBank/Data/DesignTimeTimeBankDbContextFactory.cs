using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.MultiTenancy;

namespace Platform.TimeBank.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DesignTimeTimeBankDbContextFactory : IDesignTimeDbContextFactory<TimeBankDbContext>
{
    public TimeBankDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TimeBankDbContext>().UseNpgsql("Host=localhost").Options, new TenantContext());
}
