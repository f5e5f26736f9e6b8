using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Platform.MultiTenancy.Resolution;

/// <summary>Claim and header names shared by the identity service, the gateway and every service.</summary>
public static class TenantClaimTypes
{
    /// <summary>Access-token claim holding the tenant's id.</summary>
    public const string TenantId = "tenant_id";

    /// <summary>Access-token claim holding the tenant's identifier.</summary>
    public const string TenantIdentifier = "tenant";

    /// <summary>Header the gateway stamps with the tenant identifier after validating the token.</summary>
    public const string TenantHeader = "X-Tenant";

    /// <summary>
    /// Access-token claim holding the id of the territory node the caller is limited to (a street, a community…);
    /// absent when the caller's roles apply to the whole district.
    /// </summary>
    public const string Territory = "territory";
}

/// <summary>
/// The signed access token is the authority: its <c>tenant_id</c> (or <c>tenant</c>) claim names the tenant.
/// </summary>
public sealed class ClaimTenantStrategy : ITenantResolutionStrategy
{
    /// <inheritdoc />
    public string Name => "claim";

    /// <inheritdoc />
    public TenantResolution Resolve(HttpContext context)
    {
        var user = context.User;
        if (Guid.TryParse(user.FindFirst(TenantClaimTypes.TenantId)?.Value, out var id))
        {
            return TenantResolution.ById(id);
        }

        var identifier = user.FindFirst(TenantClaimTypes.TenantIdentifier)?.Value;
        return string.IsNullOrWhiteSpace(identifier) ? TenantResolution.None : TenantResolution.ByIdentifier(identifier);
    }
}

/// <summary>
/// The gateway-stamped <c>X-Tenant</c> header. A header is easy to forge, so it is accepted only together with
/// a token whose tenant claim names the same tenant; a header without such a claim is refused.
/// </summary>
public sealed class HeaderTenantStrategy : ITenantResolutionStrategy
{
    /// <inheritdoc />
    public string Name => "header";

    /// <inheritdoc />
    public TenantResolution Resolve(HttpContext context)
    {
        var header = context.Request.Headers[TenantClaimTypes.TenantHeader].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return TenantResolution.None;
        }

        var user = context.User;
        var claimedIdentifier = user.FindFirst(TenantClaimTypes.TenantIdentifier)?.Value;
        var claimedId = user.FindFirst(TenantClaimTypes.TenantId)?.Value;
        var matches = string.Equals(header, claimedIdentifier, StringComparison.OrdinalIgnoreCase)
            || string.Equals(header, claimedId, StringComparison.OrdinalIgnoreCase);
        return matches
            ? TenantResolution.ByIdentifier(claimedIdentifier ?? header)
            : TenantResolution.Reject(
                "tenant_header_rejected",
                $"The {TenantClaimTypes.TenantHeader} header is accepted only with an access token for the same tenant.");
    }
}

/// <summary>The host name <c>{identifier}.{domain}</c>, for each configured base domain.</summary>
public sealed class HostTenantStrategy(IOptions<TenantResolutionOptions> options) : ITenantResolutionStrategy
{
    /// <inheritdoc />
    public string Name => "host";

    /// <inheritdoc />
    public TenantResolution Resolve(HttpContext context)
    {
        var host = context.Request.Host.Host;
        foreach (var domain in options.Value.HostDomains)
        {
            var suffix = "." + domain.TrimStart('.');
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var label = host[..^suffix.Length];
                if (!label.Contains('.', StringComparison.Ordinal))
                {
                    return TenantResolution.ByIdentifier(label);
                }
            }
        }

        return TenantResolution.None;
    }
}

/// <summary>
/// A <c>/t/{identifier}/</c> path prefix. When it decides the tenant, the prefix moves into the path base so
/// endpoints are routed as if it were not there.
/// </summary>
public sealed class PathTenantStrategy : ITenantResolutionStrategy
{
    private static readonly PathString Prefix = "/t";

    /// <inheritdoc />
    public string Name => "path";

    /// <inheritdoc />
    public TenantResolution Resolve(HttpContext context) =>
        TrySplit(context.Request.Path, out var identifier, out _)
            ? TenantResolution.ByIdentifier(identifier)
            : TenantResolution.None;

    /// <inheritdoc />
    public void Apply(HttpContext context)
    {
        if (TrySplit(context.Request.Path, out var identifier, out var remainder))
        {
            context.Request.PathBase = context.Request.PathBase.Add(Prefix).Add("/" + identifier);
            context.Request.Path = remainder;
        }
    }

    private static bool TrySplit(PathString path, out string identifier, out PathString remainder)
    {
        identifier = "";
        remainder = PathString.Empty;
        if (!path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return false;
        }

        var value = rest.Value!;
        var end = value.IndexOf('/', 1);
        identifier = end < 0 ? value[1..] : value[1..end];
        remainder = end < 0 ? PathString.Empty : new PathString(value[end..]);
        return identifier.Length > 0;
    }
}
