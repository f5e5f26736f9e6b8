using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>The filters of the organisation list; status and kind are read by their wire names.</summary>
public sealed record OrganisationQuery(
    [property: WireName(typeof(OrganisationStatus))] string? Status, [property: WireName(typeof(OrganisationKind))] string? Kind, Guid? Node,
    [property: MaxLength(Organisation.NameMaxLength)] string? Q, int? Page, int? PageSize);

/// <summary>The organisations the caller sees, by name, filtered and paged.</summary>
internal static class ListOrganisations
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapGet("organisations", HandleAsync)
            .WithSummary("The organisations the caller keeps or acts for, by name; filter by status, kind, a node's subtree or part of the name.");

    private static async Task<Results<Ok<PagedResult<OrganisationResponse>>, ValidationProblem>> HandleAsync(
        [AsParameters] OrganisationQuery query,
        ClaimsPrincipal caller,
        SocialOrgsDbContext db,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisations = access.Visible(db).AsNoTracking();
        if (query.Node is { } nodeId)
        {
            var path = await db.TerritoryNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
            if (path is null || (access.IsOfficial && !access.Scope.Sees(path)))
            {
                return ProblemResults.Validation("node", "No node with this id in your area.");
            }

            organisations = organisations.InSubtree(path);
        }

        if (query.Status is not null)
        {
            var wanted = WireNames.Parse<OrganisationStatus>(query.Status);
            organisations = organisations.Where(o => o.Status == wanted);
        }

        if (query.Kind is not null)
        {
            var wanted = WireNames.Parse<OrganisationKind>(query.Kind);
            organisations = organisations.Where(o => o.Kind == wanted);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = SqlLike.Containing(query.Q);
            organisations = organisations.Where(o => EF.Functions.ILike(o.Name, pattern));
        }

        var page = await organisations.OrderBy(o => o.Name).ThenBy(o => o.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(OrganisationResponse.From));
    }
}
