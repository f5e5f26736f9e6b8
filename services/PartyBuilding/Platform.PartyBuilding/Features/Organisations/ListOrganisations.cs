using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>The filters of the organisation list; the level is read by its wire name.</summary>
public sealed record OrganisationQuery([property: WireName(typeof(PartyOrganisationLevel))] string? Level, Guid? Parent, int? Page, int? PageSize);

/// <summary>The community-side party organisations of the caller's area, from the top of the tree down.</summary>
internal static class ListOrganisations
{
    public static void Map(RouteGroupBuilder organisations) =>
        organisations.MapGet("organisations", HandleAsync)
            .WithSummary("The community-side party organisations of the caller's area, top down; filter by level or by the organisation above.");

    private static async Task<Ok<PagedResult<PartyOrganisationResponse>>> HandleAsync(
        [AsParameters] OrganisationQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var organisations = scope.Organisations(db).AsNoTracking();
        if (query.Level is not null)
        {
            var wanted = WireNames.Parse<PartyOrganisationLevel>(query.Level);
            organisations = organisations.Where(o => o.Level == wanted);
        }

        if (query.Parent is { } parentId)
        {
            organisations = organisations.Where(o => o.ParentId == parentId);
        }

        var page = await organisations.OrderBy(o => o.NodePath).ThenBy(o => o.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(PartyOrganisationResponse.From));
    }
}
