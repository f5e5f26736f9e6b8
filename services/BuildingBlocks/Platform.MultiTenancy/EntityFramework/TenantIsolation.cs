namespace Platform.MultiTenancy.EntityFramework;

/// <summary>
/// Marks an entity as owned by one tenant. Its <c>TenantId</c> is stamped on insert, every query is filtered to
/// the current tenant, and writing another tenant's row throws.
/// </summary>
public interface ITenantOwned
{
    /// <summary>The owning tenant. Set by the platform on insert; never changes.</summary>
    Guid TenantId { get; }
}

/// <summary>A DbContext whose tenant-owned entities are isolated per tenant.</summary>
public interface ITenantScopedDbContext
{
    /// <summary>
    /// The tenant whose rows this context reads and writes, or null (then tenant-owned queries return nothing
    /// and tenant-owned writes throw).
    /// </summary>
    Guid? CurrentTenantId { get; }
}

/// <summary>A write would touch a tenant other than the current one. This is a programming error, never user input.</summary>
public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);
