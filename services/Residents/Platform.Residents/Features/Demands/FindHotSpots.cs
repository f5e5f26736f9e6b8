using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;
using static Platform.Residents.Features.Demands.DemandMeasurement;

namespace Platform.Residents.Features.Demands;

/// <summary>A class of problem: one category, one grid, many demands.</summary>
public sealed record HotSpot(Guid GridId, string? GridName, string Category, int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);

/// <summary>The hot spots of a window.</summary>
public sealed record HotSpotsResponse(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<HotSpot> Items);

/// <summary>Classes of problem in the caller's scope: many demands of one category in one grid within a window.</summary>
internal static class FindHotSpots
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("hotspots", HandleAsync).WithSummary(
            "Classes of problem: demands of the same category in the same grid within [from, to) (default: the last 7 days), at least minCount (default 3) of them.");

    private static async Task<Results<Ok<HotSpotsResponse>, ValidationProblem>> HandleAsync(
        DateTimeOffset? from, DateTimeOffset? to, int? minCount, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryWindow(from, to, clock.GetUtcNow(), TimeSpan.FromDays(7), out var since, out var until, out var problem))
        {
            return problem;
        }

        var threshold = minCount ?? 3;
        if (threshold < 2)
        {
            return ProblemResults.Validation("minCount", "At least 2: one demand is not a class of problem.");
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var groups = await db.Demands.InSubtree(scope.Path)
            .Where(d => d.GridId != null && d.ReceivedAt >= since && d.ReceivedAt < until)
            .GroupBy(d => new { d.GridId, d.Category })
            .Select(g => new { g.Key.GridId, g.Key.Category, Count = g.Count(), FirstAt = g.Min(d => d.ReceivedAt), LastAt = g.Max(d => d.ReceivedAt) })
            .Where(g => g.Count >= threshold)
            .OrderByDescending(g => g.Count).ThenBy(g => g.GridId).ThenBy(g => g.Category)
            .Take(100)
            .ToListAsync(cancellationToken);
        var gridIds = groups.Select(g => g.GridId).ToList();
        var names = await db.TerritoryNodes.Where(n => gridIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        return TypedResults.Ok(new HotSpotsResponse(since, until, [.. groups.Select(g =>
            new HotSpot(g.GridId!.Value, names.GetValueOrDefault(g.GridId.Value), g.Category, g.Count, g.FirstAt, g.LastAt))]));
    }
}
