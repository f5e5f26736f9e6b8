using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.MultiTenancy.Resolution;
using Platform.MultiTenancy.Storage;
using Platform.ServiceDefaults;

namespace Platform.MultiTenancy;

/// <summary>Registers multi-tenancy in a service.</summary>
public static class MultiTenancyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the tenant context and the resolution strategies. Pair with <see cref="UseMultiTenancy"/> and a
    /// tenant store such as <see cref="AddTenantCatalog{TContext}"/>.
    /// </summary>
    public static IServiceCollection AddMultiTenancy(this IServiceCollection services, Action<TenantResolutionOptions>? configure = null)
    {
        services.AddOptions<TenantResolutionOptions>().Configure(options => configure?.Invoke(options));
        services.TryAddScoped<TenantContext>();
        services.TryAddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.TryAddSingleton<ClaimTenantStrategy>();
        services.TryAddSingleton<HeaderTenantStrategy>();
        services.TryAddSingleton<HostTenantStrategy>();
        services.TryAddSingleton<PathTenantStrategy>();
        return services;
    }

    /// <summary>
    /// What every service registers: the tenant context and strategies, host-based resolution for the domains in
    /// <c>Tenancy:HostDomains</c>, and the tenant catalogue in <typeparamref name="TContext"/>.
    /// </summary>
    public static IServiceCollection AddServiceTenancy<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hostDomains = configuration.GetSection("Tenancy:HostDomains").Get<string[]>() ?? [];
        return services
            .AddMultiTenancy(options =>
            {
                foreach (var domain in hostDomains)
                {
                    options.HostDomains.Add(domain);
                }
            })
            .AddTenantCatalog<TContext>();
    }

    /// <summary>Keeps the tenant catalogue in <typeparamref name="TContext"/>'s <c>tenants</c> table, cached in memory.</summary>
    public static IServiceCollection AddTenantCatalog<TContext>(this IServiceCollection services, Action<TenantCatalogOptions>? configure = null)
        where TContext : DbContext
    {
        services.AddOptions<TenantCatalogOptions>().Configure(options => configure?.Invoke(options));
        services.AddMemoryCache();
        services.TryAddSingleton<EfTenantCatalog<TContext>>();
        services.TryAddSingleton<ITenantStore>(sp => sp.GetRequiredService<EfTenantCatalog<TContext>>());
        services.TryAddSingleton<ITenantCatalogWriter>(sp => sp.GetRequiredService<EfTenantCatalog<TContext>>());
        return services;
    }

    /// <summary>
    /// Resolves the tenant of each request. Place after <c>UseAuthentication</c> (the token is the first
    /// source) and before <c>UseRouting</c> (a <c>/t/{tenant}/</c> prefix is removed before endpoints match).
    /// </summary>
    public static IApplicationBuilder UseMultiTenancy(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    /// <summary>The endpoint answers <c>400 tenant_required</c> unless the request runs in a tenant.</summary>
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ITenantContext>().Tenant is null
                ? ProblemResults.Problem(StatusCodes.Status400BadRequest, "tenant_required", "Tenant required", "This endpoint runs inside a district; sign in to one.")
                : await next(context));
}
