namespace Platform.MultiTenancy.Storage;

/// <summary>Looks tenants up by id or identifier. Implementations cache; lookups happen on every request.</summary>
public interface ITenantStore
{
    /// <summary>The tenant with this id, or null when unknown.</summary>
    ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The tenant with this identifier (case-insensitive), or null when unknown.</summary>
    ValueTask<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default);
}

/// <summary>Keeps a service's copy of the tenant catalogue current as the Districts service reports changes.</summary>
public interface ITenantCatalogWriter
{
    /// <summary>
    /// Stores <paramref name="tenant"/> as of <paramref name="asOf"/>. A report older than the stored one is
    /// ignored, so redelivered or reordered events never roll a tenant back.
    /// </summary>
    /// <returns>True when the catalogue changed.</returns>
    Task<bool> UpsertAsync(TenantInfo tenant, DateTimeOffset asOf, CancellationToken cancellationToken = default);
}
