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
    /// The scope a request names for a grant; when the district has no such active node, records a
    /// <c>scopeNodeId</c> validation error and returns null.
    /// </summary>
    public async Task<CallerScope?> FindRequestedAsync(Guid? nodeId, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
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
    /// not know (yet) or that is retired grants nothing, rather than falling back to the whole district.
    /// </summary>
    public async Task<GrantingAuthority> OfCallerAsync(ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        new([.. caller.FindAll(Claims.Role).Select(c => c.Value)], await CallerScope.OfAsync(caller, db, cancellationToken));
}

/// <summary>Answers for refused grants.</summary>
internal static class GrantRefusalResults
{
    /// <summary>A <c>403</c> carrying the refusal's code.</summary>
    public static ProblemHttpResult ToProblem(this GrantRefusal refusal, string title) =>
        ProblemResults.Problem(StatusCodes.Status403Forbidden, refusal.Code, title, refusal.Detail);
}
