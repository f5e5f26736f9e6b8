using Platform.MultiTenancy.Messaging;
using Platform.MultiTenancy.Resolution;
using Platform.ServiceDefaults;

namespace Platform.Gateway;

/// <summary>
/// Applies the tenancy rules at the edge. The access token is the authority: only the gateway names the tenant
/// in a header, and an authenticated request whose host or <c>/t/{tenant}</c> prefix names another district than
/// its token is refused before anything reaches a service.
/// </summary>
internal sealed class TenantGuardMiddleware(RequestDelegate next, HostTenantStrategy host, PathTenantStrategy path)
{
    private const string MismatchCode = "tenant_mismatch";

    // A client could otherwise pose as any tenant; the services trust these headers only from the gateway.
    private static readonly string[] ClientTenantHeaders = [TenantClaimTypes.TenantHeader, TenantMessageHeaders.TenantId];

    private readonly ITenantResolutionStrategy[] _namingStrategies = [host, path];

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        foreach (var header in ClientTenantHeaders)
        {
            headers.Remove(header);
        }

        // Anonymous requests get no tenant header: the services resolve the host and the prefix themselves.
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var tenant = context.User.FindFirst(TenantClaimTypes.TenantIdentifier)?.Value;
            if (FindOtherTenantSource(context, tenant) is { } source)
            {
                return ProblemResults.Problem(
                        StatusCodes.Status403Forbidden,
                        MismatchCode,
                        "Tenant mismatch",
                        $"The {source} names a different district than the access token.")
                    .ExecuteAsync(context);
            }

            if (!string.IsNullOrEmpty(tenant))
            {
                headers[TenantClaimTypes.TenantHeader] = tenant;
            }
        }

        // Routes match on Request.Path; ForwardTenantNaming puts the prefix back on the forwarded path.
        path.Apply(context);
        return next(context);
    }

    private string? FindOtherTenantSource(HttpContext context, string? tokenTenant)
    {
        foreach (var strategy in _namingStrategies)
        {
            if (strategy.Resolve(context) is TenantResolution.Named { Identifier: { } named }
                && !string.Equals(named, tokenTenant, StringComparison.OrdinalIgnoreCase))
            {
                return strategy.Name;
            }
        }

        return null;
    }
}
