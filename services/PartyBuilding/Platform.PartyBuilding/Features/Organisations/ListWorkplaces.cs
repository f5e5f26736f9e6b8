using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>The filters of the workplace list; kind and records' location are read by their wire names.</summary>
public sealed record WorkplaceQuery(
    [property: WireName(typeof(WorkplaceKind))] string? Kind, [property: WireName(typeof(WorkplaceRecordsLocation))] string? Records,
    [property: MaxLength(WorkplaceOrganisation.NameMaxLength)] string? Q, int? Page, int? PageSize);

/// <summary>The workplace party organisations of the caller's area, by name.</summary>
internal static class ListWorkplaces
{
    public static void Map(RouteGroupBuilder organisations) =>
        organisations.MapGet("workplaces", HandleAsync)
            .WithSummary("The workplace party organisations of the caller's area, by name; filter by kind, where their records live, or part of the name.");

    private static async Task<Ok<PagedResult<WorkplaceResponse>>> HandleAsync(
        [AsParameters] WorkplaceQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var workplaces = scope.Workplaces(db).AsNoTracking();
        if (query.Kind is not null)
        {
            var wanted = WireNames.Parse<WorkplaceKind>(query.Kind);
            workplaces = workplaces.Where(w => w.Kind == wanted);
        }

        if (query.Records is not null)
        {
            var wanted = WireNames.Parse<WorkplaceRecordsLocation>(query.Records);
            workplaces = workplaces.Where(w => w.RecordsLocation == wanted);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = SqlLike.Containing(query.Q);
            workplaces = workplaces.Where(w => EF.Functions.ILike(w.Name, pattern));
        }

        var page = await workplaces.OrderBy(w => w.Name).ThenBy(w => w.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(WorkplaceResponse.From));
    }
}
