using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Roll;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Areas;

/// <summary>An area's owners' roll: its totals and one page of its units by code.</summary>
/// <param name="Units">How many units the area has.</param>
/// <param name="TotalArea">Their floor area together, m², two decimal places.</param>
/// <param name="OwnerCount">How many owners the law counts (the developer once, when it counts).</param>
/// <param name="DeveloperUnits">How many units count for the developer (unsold or undelivered).</param>
/// <param name="Items">This page of units.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The page size used.</param>
public sealed record RollResponse(int Units, string TotalArea, int OwnerCount, int DeveloperUnits, IReadOnlyList<UnitResponse> Items, int Page, int PageSize);

/// <summary>The roll of an area the caller keeps.</summary>
internal static class GetRoll
{
    public static void Map(IEndpointRouteBuilder areas) =>
        areas.MapGet("{areaId:guid}/roll", HandleAsync).WithSummary(
            "The owners' roll: unit count, total area, owner count as the law counts owners (same person or same co-holders = one owner; the developer's unsold and every undelivered unit = one owner), units by code, paged.");

    private static async Task<Ok<RollResponse>> HandleAsync(
        Guid areaId, int? page, int? pageSize, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var area = await AreaAccess.FindAsync(areaId, caller, db, cancellationToken);
        var units = db.Units.AsNoTracking().Where(u => u.AreaId == area.Id);
        var totals = await units.GroupBy(_ => 1)
            .Select(g => new { Units = g.Count(), Area = g.Sum(u => u.FloorArea), Owners = g.Select(u => u.OwnerId).Distinct().Count() })
            .SingleOrDefaultAsync(cancellationToken);
        var developerUnits = await units.CountAsync(u => db.Owners.Any(o => o.Id == u.OwnerId && o.Key == OwnerKey.Developer), cancellationToken);
        var items = await units.OrderBy(u => u.Code).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new RollResponse(
            totals?.Units ?? 0, WireDecimal.Of(totals?.Area ?? 0), totals?.Owners ?? 0, developerUnits, [.. items.Select(UnitResponse.From)], paging.Page, paging.Size));
    }
}
