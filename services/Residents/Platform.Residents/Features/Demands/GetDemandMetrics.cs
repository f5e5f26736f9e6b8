using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;
using static Platform.Residents.Features.Demands.DemandMeasurement;

namespace Platform.Residents.Features.Demands;

/// <summary>The metrics of each child of a node.</summary>
public sealed record MetricsResponse(Guid? NodeId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<NodeMetrics> Items);

/// <summary>The metrics of each part of a node inside the caller's scope (by default the scope itself).</summary>
internal static class GetDemandMetrics
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("metrics", HandleAsync).WithSummary(
            "One item per child of the node (default: the caller's scope; the district's streets at the top): volume, response, resolution "
            + "and satisfaction rates, overdue, volume by category, over demands received in [from, to) (default: the last 30 days). "
            + "responseRate = answered on time ÷ volume; resolutionRate = resolved ÷ (resolved + unresolvable + reopened); "
            + "satisfactionRate = (satisfied + basically satisfied) ÷ callbacks.");

    private static async Task<Results<Ok<MetricsResponse>, ValidationProblem>> HandleAsync(
        Guid? node, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!TryWindow(from, to, now, TimeSpan.FromDays(30), out var since, out var until, out var problem))
        {
            return problem;
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var root = await RootAsync(node ?? ScopeNode(caller), scope, db, cancellationToken);
        if (root is null)
        {
            return ProblemResults.Validation("node", "No node with this id in your area.");
        }

        var items = await MeasureAsync(db, root.Value, since, until, now, cancellationToken);
        return TypedResults.Ok(new MetricsResponse(root.Value.Id, since, until, items));
    }

    private static Guid? ScopeNode(ClaimsPrincipal caller) =>
        Guid.TryParse(CallerScope.ClaimOf(caller), out var id) ? id : null;

    private static async Task<Root?> RootAsync(Guid? nodeId, CallerScope scope, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (nodeId is null)
        {
            return scope.IsWholeDistrict ? Root.District : null;
        }

        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, cancellationToken);
        return node is null || !scope.Sees(node.Path) ? null : new Root(node.Id, node.Path);
    }
}
