namespace Platform.MultiTenancy;

/// <summary>The tenant the current request or message runs in, if any.</summary>
public interface ITenantContext
{
    /// <summary>The current tenant, or null outside any tenant (anonymous endpoints, start-up work).</summary>
    TenantInfo? Tenant { get; }

    /// <summary>Id of the current tenant, or null.</summary>
    Guid? TenantId => Tenant?.Id;

    /// <summary>Name of the strategy or mechanism that established the tenant (for diagnostics and tests).</summary>
    string? Source { get; }
}

/// <summary>
/// Scoped holder of the current tenant. The resolution middleware sets it for a request and the bus consume
/// filter for a message; background work sets it explicitly in a scope of its own.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    /// <inheritdoc />
    public TenantInfo? Tenant { get; private set; }

    /// <inheritdoc />
    public string? Source { get; private set; }

    /// <summary>Enters <paramref name="tenant"/> for the rest of this scope.</summary>
    /// <exception cref="InvalidOperationException">
    /// The scope already runs in a different tenant: switching would let one unit of work touch two tenants.
    /// </exception>
    public void Enter(TenantInfo tenant, string source)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException(
                $"This scope already runs in tenant '{Tenant.Identifier}' and cannot switch to '{tenant.Identifier}'.");
        }

        Tenant = tenant;
        Source = source;
    }
}
