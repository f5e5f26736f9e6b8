using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.PartyBuilding.Data;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>One workplace party organisation of the caller's area.</summary>
internal static class GetWorkplace
{
    public static void Map(RouteGroupBuilder organisations) =>
        organisations.MapGet("workplaces/{id:guid}", HandleAsync).WithSummary("One workplace party organisation of the caller's area.");

    private static async Task<Ok<WorkplaceResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        return TypedResults.Ok(WorkplaceResponse.From(await scope.FindWorkplaceAsync(id, db, cancellationToken)));
    }
}
