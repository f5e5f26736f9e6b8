using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Property.Data;

namespace Platform.Property.Features.Areas;

/// <summary>An area the caller keeps.</summary>
internal static class GetArea
{
    public static void Map(IEndpointRouteBuilder areas) =>
        areas.MapGet("{areaId:guid}", HandleAsync).WithSummary("A property management area inside the caller's territory.");

    private static async Task<Ok<AreaResponse>> HandleAsync(Guid areaId, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(AreaResponse.From(await AreaAccess.FindAsync(areaId, caller, db, cancellationToken)));
}
