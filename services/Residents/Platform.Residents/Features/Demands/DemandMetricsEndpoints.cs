using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.Residents.Domain.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Demands;

/// <summary>
/// How well demands are handled, per part of the district (what streets and communities are judged by).
/// Definitions, over the demands received in the period and placed under each node:
/// <list type="bullet">
/// <item>volume: demands received;</item>
/// <item>responseRate (响应率): answered within the response deadline ÷ volume;</item>
/// <item>resolutionRate (解决率): resolved ÷ (resolved + unresolvable + reopened), where reopened counts every reopening,
/// so a demand resolved only after being reopened weighs against the rate;</item>
/// <item>satisfactionRate (满意率): satisfied or basically satisfied ÷ demands with a callback;</item>
/// <item>overdue: demands that missed a deadline, as of now.</item>
/// </list>
/// A rate is null when nothing counts towards it.
/// </summary>
internal static class DemandMetricsEndpoints
{
    private const int TopStreets = 10;

    public static IEndpointRouteBuilder MapDemandMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var metrics = endpoints.MapGroup("/api/demands").RequireTenant().RequireAuthorization(Residents.ResidentEndpoints.KeepersPolicy).WithTags("Demand metrics");
        metrics.MapGet("metrics", MetricsAsync).WithSummary(
            "One item per child of the node (default: the caller's scope; the district's streets at the top): volume, response, resolution "
            + "and satisfaction rates, overdue, volume by category, over demands received in [from, to) (default: the last 30 days). "
            + "responseRate = answered on time ÷ volume; resolutionRate = resolved ÷ (resolved + unresolvable + reopened); "
            + "satisfactionRate = (satisfied + basically satisfied) ÷ callbacks.");
        metrics.MapGet("metrics/departments", DepartmentsAsync).WithSummary(
            "The same figures per department a demand is assigned to, over the caller's scope and [from, to) (default: the last 30 days).");
        metrics.MapGet("rankings/daily", DailyAsync).WithSummary("The (at most) ten streets with the most demands received on a day (default: today, Beijing time).");
        metrics.MapGet("rankings/monthly", MonthlyAsync).WithSummary("Every street ranked by the demands received in a month (yyyy-MM, default: this month), with its rates.");
        metrics.MapGet("hotspots", HotSpotsAsync).WithSummary(
            "Classes of problem: demands of the same category in the same grid within [from, to) (default: the last 7 days), at least minCount (default 3) of them.");
        return endpoints;
    }

    private static async Task<Results<Ok<MetricsResponse>, ValidationProblem>> MetricsAsync(
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
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["node"] = ["No node with this id in your area."] });
        }

        var items = await MeasureAsync(db, root.Value, since, until, now, cancellationToken);
        return TypedResults.Ok(new MetricsResponse(root.Value.Id, since, until, items));
    }

    private static async Task<Results<Ok<RankingResponse>, ValidationProblem>> DailyAsync(
        DateOnly? date, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = date ?? DistrictClock.Today(now);
        var since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        var items = await MeasureAsync(db, new Root(null, TerritoryPath.Root), since, since.AddDays(1), now, cancellationToken);
        return TypedResults.Ok(new RankingResponse(since, since.AddDays(1), [.. Ranked(items).Where(s => s.Volume > 0).Take(TopStreets)]));
    }

    private static async Task<Results<Ok<RankingResponse>, ValidationProblem>> MonthlyAsync(
        string? month, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateOnly first;
        if (month is null)
        {
            var today = DistrictClock.Today(now);
            first = new DateOnly(today.Year, today.Month, 1);
        }
        else if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out first))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["month"] = ["A month as yyyy-MM, e.g. 2026-11."] });
        }

        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var (since, until) = (start.ToUniversalTime(), start.AddMonths(1).ToUniversalTime());
        var items = await MeasureAsync(db, new Root(null, TerritoryPath.Root), since, until, now, cancellationToken);
        return TypedResults.Ok(new RankingResponse(since, until, [.. Ranked(items)]));
    }

    private static async Task<Results<Ok<HotSpotsResponse>, ValidationProblem>> HotSpotsAsync(
        DateTimeOffset? from, DateTimeOffset? to, int? minCount, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryWindow(from, to, clock.GetUtcNow(), TimeSpan.FromDays(7), out var since, out var until, out var problem))
        {
            return problem;
        }

        var threshold = minCount ?? 3;
        if (threshold < 2)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["minCount"] = ["At least 2: one demand is not a class of problem."] });
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

    /// <summary>
    /// The period [from, to): to defaults to now, from to <paramref name="defaultLength"/> before to. Instants are
    /// taken to UTC, as PostgreSQL stores them; a client may well send +08:00.
    /// </summary>
    private static bool TryWindow(
        DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, TimeSpan defaultLength,
        out DateTimeOffset since, out DateTimeOffset until, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        until = (to ?? now).ToUniversalTime();
        since = from?.ToUniversalTime() ?? until - defaultLength;
        problem = since < until ? null : ProblemResults.Validation(new Dictionary<string, string[]> { ["from"] = ["from must be before to."] });
        return problem is null;
    }

    private static IEnumerable<NodeMetrics> Ranked(IEnumerable<NodeMetrics> streets) =>
        streets.Where(s => s.Kind is TerritoryNodeKind.Street or TerritoryNodeKind.Township or TerritoryNodeKind.Town)
            .OrderByDescending(s => s.Volume).ThenBy(s => s.Name, StringComparer.Ordinal);

    private static Guid? ScopeNode(ClaimsPrincipal caller) =>
        Guid.TryParse(CallerScope.ClaimOf(caller), out var id) ? id : null;

    private static async Task<Root?> RootAsync(Guid? nodeId, CallerScope scope, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (nodeId is null)
        {
            return scope.IsWholeDistrict ? new Root(null, TerritoryPath.Root) : null;
        }

        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, cancellationToken);
        return node is null || !scope.Sees(node.Path) ? null : new Root(node.Id, node.Path);
    }

    /// <summary>The metrics of each child of <paramref name="root"/>, computed in the database in two grouped queries.</summary>
    private static async Task<List<NodeMetrics>> MeasureAsync(
        ResidentsDbContext db, Root root, DateTimeOffset since, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var children = await db.TerritoryNodes.AsNoTracking().Where(n => n.ParentId == root.Id).ToListAsync(cancellationToken);
        // A child's path is its parent's plus one id and a slash; that prefix of a demand's path names the child it lies under.
        var prefixLength = root.Path.Length + Guid.Empty.ToString().Length + 1;
        var demands = db.Demands.InSubtree(root.Path)
            .Where(d => d.ReceivedAt >= since && d.ReceivedAt < until && d.NodePath.Length >= prefixLength);
        var totals = await CountAsync(demands, d => d.NodePath.Substring(0, prefixLength), now, cancellationToken);
        var categories = (await demands
            .GroupBy(d => new { Prefix = d.NodePath.Substring(0, prefixLength), d.Category })
            .Select(g => new { g.Key.Prefix, g.Key.Category, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.Prefix);

        return [.. children.OrderBy(c => c.Name, StringComparer.Ordinal).Select(child =>
        {
            var counts = totals.GetValueOrDefault(child.Path) ?? DemandCounts.None;
            return new NodeMetrics(
                child.Id, child.Name, child.Kind, counts.Volume,
                counts.Responded, counts.ResponseRate, counts.Resolved, counts.Unresolvable, counts.Reopened, counts.ResolutionRate,
                counts.Callbacks, counts.Satisfied, counts.SatisfactionRate, counts.Overdue,
                categories[child.Path].OrderByDescending(c => c.Count).ThenBy(c => c.Category, StringComparer.Ordinal).ToDictionary(c => c.Category, c => c.Count));
        })];
    }

    /// <summary>The same counts per department currently assigned, over the caller's scope.</summary>
    private static async Task<Results<Ok<DepartmentMetricsResponse>, ValidationProblem>> DepartmentsAsync(
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

    /// <summary>The metric counts of <paramref name="demands"/> grouped by <paramref name="key"/>, computed in one query.</summary>
    private static async Task<Dictionary<TKey, DemandCounts>> CountAsync<TKey>(
        IQueryable<Demand> demands, Expression<Func<Demand, TKey>> key, DateTimeOffset now, CancellationToken cancellationToken)
        where TKey : notnull =>
        await demands
            .GroupBy(key)
            .Select(g => new KeyValuePair<TKey, DemandCounts>(g.Key, new DemandCounts(
                g.Count(),
                g.Count(d => d.RespondedAt != null && d.RespondedAt <= d.ResponseDueAt),
                g.Count(d => d.ResolvedAt != null && d.UnresolvableReason == null),
                g.Count(d => d.UnresolvableReason != null),
                g.Sum(d => d.ReopenCount),
                g.Count(d => d.Satisfaction != null),
                g.Count(d => d.Satisfaction == Satisfaction.Satisfied || d.Satisfaction == Satisfaction.BasicallySatisfied),
                g.Count(d => (d.RespondedAt ?? now) > d.ResponseDueAt || (d.ResolvedAt ?? now) > d.ResolutionDueAt))))
            .ToDictionaryAsync(pair => pair.Key, pair => pair.Value, cancellationToken);

    private readonly record struct Root(Guid? Id, string Path);
}

/// <summary>The counts behind the metrics of one group of demands, and the rates defined on them.</summary>
internal sealed record DemandCounts(int Volume, int Responded, int Resolved, int Unresolvable, int Reopened, int Callbacks, int Satisfied, int Overdue)
{
    public static readonly DemandCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);

    public double? ResponseRate => Rate(Responded, Volume);

    public double? ResolutionRate => Rate(Resolved, Resolved + Unresolvable + Reopened);

    public double? SatisfactionRate => Rate(Satisfied, Callbacks);

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

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

/// <summary>Metrics of one node.</summary>
public sealed record NodeMetrics(
    Guid NodeId,
    string Name,
    TerritoryNodeKind Kind,
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
    int Overdue,
    IReadOnlyDictionary<string, int> ByCategory);

/// <summary>The metrics of each child of a node.</summary>
public sealed record MetricsResponse(Guid? NodeId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<NodeMetrics> Items);

/// <summary>Streets ranked by volume.</summary>
public sealed record RankingResponse(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<NodeMetrics> Items);

/// <summary>A class of problem: one category, one grid, many demands.</summary>
public sealed record HotSpot(Guid GridId, string? GridName, string Category, int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);

/// <summary>The hot spots of a window.</summary>
public sealed record HotSpotsResponse(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<HotSpot> Items);
