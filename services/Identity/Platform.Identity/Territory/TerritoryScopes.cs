using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Territory;

/// <summary>
/// The platform's <see cref="CallerScope"/> over identity's copy of the current district's territory, for
/// granting: the scope a grant names and the authority of the caller granting it.
/// </summary>
internal sealed class TerritoryScopes(IdentityDbContext db)
{
    /// <summary>
    /// The scope for <paramref name="nodeId"/> (null = the whole district), or null when the district has no such
    /// active node.
    /// </summary>
    public async Task<CallerScope?> FindAsync(Guid? nodeId, CancellationToken cancellationToken) =>
        nodeId is { } id ? await CallerScope.OfNodeAsync(id, CallerScope.ReplicaLookup(db), cancellationToken) : CallerScope.WholeDistrict;

    /// <summary>
    /// The <c>400</c> for a grant naming a node the district does not have, or no longer has: normally refused by
    /// <see cref="ScopeNodeCheck"/> with the request's other problems, this answers a node retired in between.
    /// </summary>
    public static ValidationProblem UnknownScopeNode() => ProblemResults.Validation("scopeNodeId", ScopeNodeCheck.UnknownNode);

    /// <summary>
    /// The caller's authority: the roles in the token and the territory it names. A territory that identity does
    /// not know (yet) or that is retired grants nothing, rather than falling back to the whole district.
    /// </summary>
    public async Task<GrantingAuthority> OfCallerAsync(ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        new([.. caller.FindAll(Claims.Role).Select(c => c.Value)], await CallerScope.OfAsync(caller, db, cancellationToken));

    /// <summary>
    /// The <c>403</c> for a grant of <paramref name="roles"/> over <paramref name="scope"/> that the caller may not
    /// make (a role above its own, a scope outside its territory); null when the grant is allowed.
    /// </summary>
    public async Task<ProblemHttpResult?> RefuseGrantAsync(
        ClaimsPrincipal caller, IEnumerable<string> roles, CallerScope scope, CancellationToken cancellationToken) =>
        (await OfCallerAsync(caller, cancellationToken)).Refusal(roles, scope)?.ToProblem();
}
