using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Districts.Data;

namespace Platform.Districts.Features.Territory;

/// <summary>One node of the caller's scope.</summary>
internal static class GetNode
{
    public static void Map(RouteGroupBuilder territory) =>
        territory.MapGet("nodes/{id:guid}", HandleAsync).WithSummary("One node.");

    private static async Task<Ok<NodeResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, DistrictsDbContext db, CancellationToken cancellationToken)
    {
        var access = await TerritoryAccess.OfAsync(caller, db, cancellationToken);
        return TypedResults.Ok(NodeResponse.From(await access.FindVisibleAsync(id, db, cancellationToken)));
    }
}
