using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Districts.Data;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Districts.Features.Territory;

/// <summary>A node's children, paged.</summary>
internal static class ListChildren
{
    public static void Map(RouteGroupBuilder territory) =>
        territory.MapGet("nodes/{id:guid}/children", HandleAsync).WithSummary("A node's children, paged.");

    private static async Task<Ok<PagedResult<NodeResponse>>> HandleAsync(
        Guid id,
        bool? includeRetired,
        int? page,
        int? pageSize,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var access = await TerritoryAccess.OfAsync(caller, db, cancellationToken);
        await access.FindVisibleAsync(id, db, cancellationToken);
        var children = access.Visible(db, includeRetired).Where(n => n.ParentId == id);
        var listed = await children.OrderBy(n => n.Code).ThenBy(n => n.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(NodeResponse.From));
    }
}
