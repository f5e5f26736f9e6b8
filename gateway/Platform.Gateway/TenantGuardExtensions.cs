using Platform.MultiTenancy;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway;

/// <summary>Registers <see cref="TenantGuardMiddleware"/> and the proxy transforms that go with it.</summary>
internal static class TenantGuardExtensions
{
    /// <summary>Base domains whose subdomains name a tenant (<c>{identifier}.{domain}</c>); none by default.</summary>
    private const string HostDomainsKey = "TenantHostDomains";

    public static WebApplicationBuilder AddTenantGuard(this WebApplicationBuilder builder)
    {
        // The same registration and strategies the services resolve with, so that both read a request alike.
        builder.Services.AddMultiTenancy(options =>
        {
            foreach (var domain in builder.Configuration.GetList(HostDomainsKey, []))
            {
                options.HostDomains.Add(domain);
            }
        });
        return builder;
    }

    public static IApplicationBuilder UseTenantGuard(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantGuardMiddleware>();

    /// <summary>
    /// Forwards the client's host and the <c>/t/{tenant}</c> prefix unchanged, because the services resolve
    /// anonymous requests' tenants from them.
    /// </summary>
    public static void ForwardTenantNaming(this TransformBuilderContext transforms)
    {
        transforms.AddOriginalHost();

        // The gateway has no path base of its own: the only one is the prefix TenantGuardMiddleware moved there.
        transforms.AddRequestTransform(static context =>
        {
            context.Path = context.HttpContext.Request.PathBase.Add(context.Path);
            return ValueTask.CompletedTask;
        });
    }
}
