using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.MultiTenancy.Resolution;
using Platform.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Territory;

/// <summary>Turns node ids into scopes using identity's copy of the current district's territory.</summary>
internal sealed class TerritoryScopes(IdentityDbContext db)
{
    /// <summary>
    /// The scope for <paramref name="nodeId"/> (null = the whole district), or null when the district has no such
    /// active node.
    /// </summary>
    public async Task<TerritoryScope?> FindAsync(Guid? nodeId, CancellationToken cancellationToken)
    {
        if (nodeId is not { } id)
        {
            return TerritoryScope.WholeDistrict;
        }

        return await db.TerritoryNodes
            .Where(n => n.Id == id && !n.Retired)
            .Select(n => (TerritoryScope?)new TerritoryScope(n.Id, n.Path))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The scope a request names for a grant; when the district has no such active node, records a
    /// <c>scopeNodeId</c> validation error and returns null.
    /// </summary>
    public async Task<TerritoryScope?> FindRequestedAsync(Guid? nodeId, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var scope = await FindAsync(nodeId, cancellationToken);
        if (scope is null)
        {
            errors["scopeNodeId"] = ["No such active territory node in this district."];
        }

        return scope;
    }

    /// <summary>
    /// The caller's authority: the roles in the token and the territory it names. A territory that identity does
    /// not know (yet) grants nothing, rather than falling back to the whole district.
    /// </summary>
    public async Task<GrantingAuthority> OfCallerAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var roles = caller.FindAll(Claims.Role).Select(c => c.Value).ToList();
        var territory = caller.FindFirstValue(TenantClaimTypes.Territory);
        if (territory is null)
        {
            return new GrantingAuthority(roles, TerritoryScope.WholeDistrict);
        }

        var scope = Guid.TryParse(territory, out var id) ? await FindAsync(id, cancellationToken) : null;
        return new GrantingAuthority(roles, scope ?? new TerritoryScope(id, $"/unknown/{territory}/"));
    }

    /// <summary>
    /// The <c>403</c> for a grant of <paramref name="roles"/> over <paramref name="scope"/> that the caller may not
    /// make (a role above its own, a scope outside its territory); null when the grant is allowed.
    /// </summary>
    public async Task<ProblemHttpResult?> RefuseGrantAsync(
        ClaimsPrincipal caller, IEnumerable<string> roles, TerritoryScope scope, CancellationToken cancellationToken) =>
        (await OfCallerAsync(caller, cancellationToken)).Refusal(roles, scope)?.ToProblem();
}
