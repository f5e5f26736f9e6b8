using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.ServiceHost.Data;

/// <summary>
/// The base of a service's database context: tenant-owned entities are isolated to the request's or message's
/// tenant, and the model has the tables every service has (tenant catalogue, outbox, inbox).
/// </summary>
/// <remarks>
/// A context that must derive from another base (ASP.NET Core Identity's) implements
/// <see cref="ITenantScopedDbContext"/> itself and makes the same two calls:
/// <see cref="TenantIsolationExtensions.AddTenantIsolation"/> and <see cref="ServiceModelBuilderExtensions.ApplyServiceModel"/>.
/// </remarks>
/// <param name="options">The options the service host configured (PostgreSQL, tenant isolation, outbox signal).</param>
/// <param name="tenantContext">The tenant the current scope runs in.</param>
public abstract class ServiceDbContext(DbContextOptions options, ITenantContext tenantContext)
    : DbContext(options), ITenantScopedDbContext
{
    /// <inheritdoc />
    public Guid? CurrentTenantId => tenantContext.TenantId;

    /// <summary>Adds tenant isolation. An override must call this base method, or isolation is lost.</summary>
    /// <param name="configurationBuilder">The builder of the model's conventions.</param>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddTenantIsolation(this);

    /// <summary>Maps the tables every service has. Call this base method first, then map the service's entities.</summary>
    /// <param name="modelBuilder">The builder of the model.</param>
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyServiceModel();
}
