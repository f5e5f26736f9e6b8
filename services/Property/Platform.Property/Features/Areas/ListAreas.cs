using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Property.Data;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.Property.Features.Areas;

/// <summary>The areas the caller keeps, by code, paged.</summary>
internal static class ListAreas
{
    public static void Map(IEndpointRouteBuilder areas) =>
        areas.MapGet("", HandleAsync).WithSummary("The property management areas inside the caller's territory, by code, paged.");

    private static async Task<Ok<PagedResult<AreaResponse>>> HandleAsync(
        int? page, int? pageSize, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var areas = AreaAccess.InScope(db, await CallerScope.OfAsync(caller, db, cancellationToken));
        var listed = await areas.AsNoTracking().OrderBy(a => a.Code).ThenBy(a => a.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(AreaResponse.From));
    }
}
