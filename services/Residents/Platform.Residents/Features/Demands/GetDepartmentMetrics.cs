using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.TerritoryReplica;
using static Platform.Residents.Features.Demands.DemandMeasurement;

namespace Platform.Residents.Features.Demands;

/// <summary>Metrics of one department.</summary>
public sealed record DepartmentMetrics(
    string Department,
    int Volume,
    int Responded,
    double? ResponseRate,
    int Resolved,
    int Unresolvable,
    int Reopened,
    double? ResolutionRate,
    int Callbacks,
    int Satisfied,
    double? SatisfactionRate,
    int Overdue);

/// <summary>The metrics of each department.</summary>
public sealed record DepartmentMetricsResponse(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DepartmentMetrics> Items);

/// <summary>The same counts per department currently assigned, over the caller's scope.</summary>
internal static class GetDepartmentMetrics
{
    public static void Map(IEndpointRouteBuilder metrics) =>
        metrics.MapGet("metrics/departments", HandleAsync).WithSummary(
            "The same figures per department a demand is assigned to, over the caller's scope and [from, to) (default: the last 30 days).");

    private static async Task<Results<Ok<DepartmentMetricsResponse>, ValidationProblem>> HandleAsync(
        DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!TryWindow(from, to, now, TimeSpan.FromDays(30), out var since, out var until, out var problem))
        {
            return problem;
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var demands = db.Demands.InSubtree(scope.Path)
            .Where(d => d.AssigneeType == AssigneeType.Department && d.ReceivedAt >= since && d.ReceivedAt < until);
        var counts = await CountAsync(demands, d => d.AssigneeId!, now, cancellationToken);
        return TypedResults.Ok(new DepartmentMetricsResponse(since, until, [.. counts
            .OrderByDescending(c => c.Value.Volume).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new DepartmentMetrics(
                c.Key, c.Value.Volume, c.Value.Responded, c.Value.ResponseRate, c.Value.Resolved, c.Value.Unresolvable, c.Value.Reopened,
                c.Value.ResolutionRate, c.Value.Callbacks, c.Value.Satisfied, c.Value.SatisfactionRate, c.Value.Overdue))]));
    }
}
