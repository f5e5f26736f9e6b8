using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

namespace Platform.MultiTenancy.Storage;

/// <summary>
/// Tenant catalogue kept in the service's own database (table <c>tenants</c>) with an in-memory cache in
/// front. The cache entry of a tenant is dropped when this instance writes it; other instances of the same
/// service see the change when their entry expires (<see cref="TenantCatalogOptions.CacheDuration"/>).
/// </summary>
/// <typeparam name="TContext">The service's DbContext, which must map <see cref="TenantRecord"/>.</typeparam>
public sealed class EfTenantCatalog<TContext>(
    IServiceScopeFactory scopeFactory,
    IMemoryCache cache,
    IOptions<TenantCatalogOptions> options) : ITenantStore, ITenantCatalogWriter
    where TContext : DbContext
{
    private readonly TimeSpan _cacheDuration = options.Value.CacheDuration;

    /// <inheritdoc />
    public ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        id == TenantInfo.System.Id
            ? ValueTask.FromResult<TenantInfo?>(TenantInfo.System)
            : FindAsync(IdKey(id), t => t.Id == id, cancellationToken);

    /// <inheritdoc />
    public ValueTask<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var normalized = identifier.ToLowerInvariant();
        return normalized == TenantInfo.SystemIdentifier
            ? ValueTask.FromResult<TenantInfo?>(TenantInfo.System)
            : FindAsync(IdentifierKey(normalized), t => t.Identifier == normalized, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> UpsertAsync(TenantInfo tenant, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        try
        {
            return await TryUpsertAsync(tenant, asOf, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Two writers reported a new district at once (the onboarding request and its own event, or the
            // catch-up snapshot and a live event): the other one inserted the row, so this report is applied to it
            // by the same as-of rule.
            return await TryUpsertAsync(tenant, asOf, cancellationToken);
        }
    }

    private async Task<bool> TryUpsertAsync(TenantInfo tenant, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var record = await db.Set<TenantRecord>().SingleOrDefaultAsync(t => t.Id == tenant.Id, cancellationToken);
        if (record is not null && record.AsOf > asOf)
        {
            return false;
        }

        if (record is null)
        {
            record = new TenantRecord();
            db.Add(record);
        }

        var previousIdentifier = record.Identifier;
        record.CopyFrom(tenant, asOf);
        await db.SaveChangesAsync(cancellationToken);

        cache.Remove(IdKey(tenant.Id));
        cache.Remove(IdentifierKey(record.Identifier));
        cache.Remove(IdentifierKey(previousIdentifier));
        return true;
    }

    private async ValueTask<TenantInfo?> FindAsync(
        string cacheKey,
        System.Linq.Expressions.Expression<Func<TenantRecord, bool>> match,
        CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(cacheKey, out TenantInfo? cached))
        {
            return cached;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var record = await db.Set<TenantRecord>().AsNoTracking().SingleOrDefaultAsync(match, cancellationToken);
        var tenant = record?.ToTenantInfo();

        // Unknown tenants are cached briefly too, so probing random identifiers cannot hammer the database.
        cache.Set(cacheKey, tenant, _cacheDuration);
        return tenant;
    }

    private static string IdKey(Guid id) => $"tenant:id:{id}";

    private static string IdentifierKey(string identifier) => $"tenant:identifier:{identifier}";
}

/// <summary>Options of the tenant catalogue.</summary>
public sealed class TenantCatalogOptions
{
    /// <summary>How long a looked-up tenant is served from memory. Bounds how stale another instance can be.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
