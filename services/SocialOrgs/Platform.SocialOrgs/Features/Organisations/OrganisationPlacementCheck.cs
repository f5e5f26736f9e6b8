using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>A request that places an organisation in the district's territory.</summary>
internal interface IOrganisationPlacement
{
    /// <summary>The home street or community; null when the request leaves it as it is.</summary>
    Guid? HomeNodeId { get; }

    /// <summary>The nodes served; null when the request leaves them as they are.</summary>
    IReadOnlyList<Guid>? ServiceAreaIds { get; }
}

/// <summary>
/// Refuses, with the request's shape problems, a home node that is not an active street or community of the caller's
/// area and service areas the district's territory does not have. Whether a retired area may stay listed depends on the
/// organisation, so the entity decides that.
/// </summary>
internal sealed class OrganisationPlacementCheck(SocialOrgsDbContext db, IHttpContextAccessor http) : IStoredDataCheck<IOrganisationPlacement>
{
    public async IAsyncEnumerable<(string Field, string Problem)> ProblemsAsync(
        IOrganisationPlacement request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (request.HomeNodeId is { } homeId && await HomeProblemAsync(homeId, cancellationToken) is { } home)
        {
            yield return (nameof(request.HomeNodeId), home);
        }

        if (request.ServiceAreaIds is { Count: > 0 } areaIds)
        {
            var distinct = areaIds.Distinct().ToList();
            var known = await db.TerritoryNodes.Where(n => distinct.Contains(n.Id)).Select(n => n.Id).ToListAsync(cancellationToken);
            var missing = distinct.Except(known).ToList();
            if (missing.Count > 0)
            {
                yield return (nameof(request.ServiceAreaIds), OrganisationInput.UnknownServiceArea(missing[0]));
            }
        }
    }

    private async Task<string?> HomeProblemAsync(Guid homeId, CancellationToken cancellationToken)
    {
        // The policies in front of every placing endpoint admit authenticated callers only.
        var scope = await CallerScope.OfAsync(http.HttpContext!.User, db, cancellationToken);
        var home = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == homeId, cancellationToken);
        return home is null || !scope.Sees(home.Path) ? OrganisationInput.NotInCallersArea(homeId) : Organisation.HomeNodeProblem(home);
    }
}
