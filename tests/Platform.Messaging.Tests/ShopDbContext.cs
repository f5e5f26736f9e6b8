using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.MultiTenancy.Storage;

namespace Platform.Messaging.Tests;

/// <summary>Tenant-owned state changed by the publishing side of the tests.</summary>
public sealed class Order : ITenantOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid TenantId { get; private set; }

    public required string Title { get; init; }
}

/// <summary>
/// One row per application of an event by a consumer. Deliberately not unique, so applying an event twice
/// would show as two rows.
/// </summary>
public sealed class AppliedEvent : ITenantOwned
{
    public long Id { get; init; }

    public Guid TenantId { get; private set; }

    public Guid EventId { get; init; }

    public required string Consumer { get; init; }

    /// <summary>The tenant the consumer ran in, as its tenant context saw it.</summary>
    public Guid? ContextTenantId { get; init; }

    /// <summary>The tenant header as it arrived on the message.</summary>
    public string? TenantHeader { get; init; }
}

/// <summary>A service DbContext wired the way services wire theirs: isolation, catalogue, outbox and inbox.</summary>
public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options, ITenantContext tenantContext)
    : DbContext(options), ITenantScopedDbContext
{
    public DbSet<Order> Orders => Set<Order>();

    public DbSet<AppliedEvent> AppliedEvents => Set<AppliedEvent>();

    public Guid? CurrentTenantId => tenantContext.TenantId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddTenantIsolation(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>();
        modelBuilder.Entity<AppliedEvent>();
        modelBuilder.ApplyTenantCatalog();
        modelBuilder.ApplyMessagingModel();
    }
}
