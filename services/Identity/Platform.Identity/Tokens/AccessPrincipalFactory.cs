using System.Security.Claims;
using OpenIddict.Abstractions;
using Platform.Identity.Domain;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Resolution;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Tokens;

/// <summary>
/// Builds the principal a token is issued for. Every access token carries the subject, the district
/// (<c>tenant_id</c> and <c>tenant</c>), the roles and the territory scope, so that services decide
/// locally without calling back.
/// </summary>
internal static class AccessPrincipalFactory
{
    /// <summary>A person acting in one district.</summary>
    public static ClaimsPrincipal ForUser(PlatformUser user, TenantInfo tenant, Membership membership, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName);
        return Complete(identity, tenant, membership.Roles, membership.ScopeNodeId, scopes);
    }

    /// <summary>A machine client acting in the district it is bound to.</summary>
    public static ClaimsPrincipal ForClient(MachineClient client, TenantInfo tenant, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.DisplayName);
        return Complete(identity, tenant, client.Roles, client.ScopeNodeId, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(authenticationType: "Gongzhi", nameType: Claims.Name, roleType: Claims.Role);

    private static ClaimsPrincipal Complete(
        ClaimsIdentity identity,
        TenantInfo tenant,
        IEnumerable<string> roles,
        Guid? scopeNodeId,
        IEnumerable<string> scopes)
    {
        identity.SetClaim(TenantClaimTypes.TenantId, tenant.Id.ToString())
            .SetClaim(TenantClaimTypes.TenantIdentifier, tenant.Identifier)
            .SetClaims(Claims.Role, [.. roles]);
        if (scopeNodeId is { } node)
        {
            identity.SetClaim(TenantClaimTypes.Territory, node.ToString());
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(Destinations);
        return new ClaimsPrincipal(identity);
    }

    // Everything goes into the access token; the identity token (for the portal) gets who and where only.
    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.Name or Claims.PreferredUsername or TenantClaimTypes.TenantIdentifier =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}
