using Microsoft.EntityFrameworkCore;

namespace Platform.MultiTenancy.EntityFramework;

/// <summary>Switches tenant isolation on for a DbContext: one call in the model, one in the options.</summary>
public static class TenantIsolationExtensions
{
    /// <summary>
    /// Adds tenant query filters and tenant-scoped unique indexes to every <see cref="ITenantOwned"/> entity.
    /// Call from <c>ConfigureConventions</c> of a context implementing <see cref="ITenantScopedDbContext"/>.
    /// </summary>
    public static ModelConfigurationBuilder AddTenantIsolation(this ModelConfigurationBuilder configurationBuilder, ITenantScopedDbContext context)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Conventions.Add(_ => new TenantIsolationConvention(context));
        return configurationBuilder;
    }

    /// <summary>Stamps the tenant on inserts and refuses cross-tenant writes at save time.</summary>
    public static DbContextOptionsBuilder UseTenantIsolation(this DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        return optionsBuilder.AddInterceptors(new TenantIsolationInterceptor());
    }
}
