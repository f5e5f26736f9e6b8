using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Demands;

/// <summary>The filters of the demand list; a status is read by its wire name (<c>in_progress</c>).</summary>
public sealed record DemandQuery(
    Guid? Node, [property: WireName(typeof(DemandStatus))] string? Status, string? Category, bool? Overdue, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

/// <summary>The demands the caller may see, newest first, paged and filtered.</summary>
internal static class ListDemands
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapGet("", HandleAsync).WithSummary(
            "Demands newest first, paged: a resident's own, a worker's scope. Filters: node, status, category, overdue=true (missed a deadline), from/to (received).");

    private static async Task<Results<Ok<PagedResult<DemandResponse>>, ValidationProblem>> HandleAsync(
        [AsParameters] DemandQuery query,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paging = new PageRequest(query.Page, query.PageSize);
        var (demands, _) = await DemandAccess.VisibleAsync(caller, db, cancellationToken);
        if (query.Node is { } nodeId)
        {
            var path = await db.TerritoryNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
            demands = demands.InSubtree(path ?? "//");
        }

        if (query.Status is not null)
        {
            var status = WireNames.Parse<DemandStatus>(query.Status);
            demands = demands.Where(d => d.Status == status);
        }

        demands = string.IsNullOrWhiteSpace(query.Category) ? demands : demands.Where(d => d.Category == query.Category.Trim());
        // PostgreSQL compares instants in UTC; a client may well send +08:00.
        demands = query.From?.ToUniversalTime() is { } from ? demands.Where(d => d.ReceivedAt >= from) : demands;
        demands = query.To?.ToUniversalTime() is { } to ? demands.Where(d => d.ReceivedAt < to) : demands;
        if (query.Overdue == true)
        {
            demands = demands.Where(DemandScope.OverdueAt(now));
        }

        var page = await demands.AsSingleQuery().OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(d => DemandResponse.From(d, now, withHistory: false)));
    }
}
