using Microsoft.Extensions.DependencyInjection;

namespace Platform.MultiTenancy;

/// <summary>Service scopes for work in a tenant that is not the current request's (or when there is no request).</summary>
public static class TenantScopes
{
    /// <summary>
    /// Creates a service scope that runs in <paramref name="tenant"/>: the DbContexts resolved from it read and
    /// write that tenant's rows only. A scope cannot switch tenants, so work in a second tenant needs its own.
    /// </summary>
    /// <param name="scopes">The root scope factory.</param>
    /// <param name="tenant">The tenant the scope runs in.</param>
    /// <param name="source">Why this tenant was entered (for diagnostics), e.g. <c>invitation</c>.</param>
    /// <returns>The scope; dispose it when the work is done.</returns>
    public static AsyncServiceScope CreateTenantScope(this IServiceScopeFactory scopes, TenantInfo tenant, string source)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(tenant);
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenant, source);
        return scope;
    }

    /// <summary>
    /// Creates a service scope of <paramref name="services"/> that runs in <paramref name="tenant"/>, as
    /// <see cref="CreateTenantScope(IServiceScopeFactory, TenantInfo, string)"/> does.
    /// </summary>
    /// <param name="services">The root service provider, e.g. a host's or a test factory's.</param>
    /// <param name="tenant">The tenant the scope runs in.</param>
    /// <param name="source">Why this tenant was entered (for diagnostics).</param>
    /// <returns>The scope; dispose it when the work is done.</returns>
    public static AsyncServiceScope CreateTenantScope(this IServiceProvider services, TenantInfo tenant, string source) =>
        services.GetRequiredService<IServiceScopeFactory>().CreateTenantScope(tenant, source);
}
