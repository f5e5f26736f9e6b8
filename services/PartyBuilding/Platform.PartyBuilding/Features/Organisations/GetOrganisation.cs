using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.PartyBuilding.Data;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>One community-side party organisation of the caller's area.</summary>
internal static class GetOrganisation
{
    public static void Map(RouteGroupBuilder organisations) =>
        organisations.MapGet("organisations/{id:guid}", HandleAsync).WithSummary("One community-side party organisation of the caller's area.");

    private static async Task<Ok<PartyOrganisationResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        return TypedResults.Ok(PartyOrganisationResponse.From(await scope.FindOrganisationAsync(id, db, cancellationToken)));
    }
}
