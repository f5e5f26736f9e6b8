using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Demands;

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

/// <summary>The counts behind the metrics of one group of demands, and the rates defined on them.</summary>
internal sealed record DemandCounts(int Volume, int Responded, int Resolved, int Unresolvable, int Reopened, int Callbacks, int Satisfied, int Overdue)
{
    public static readonly DemandCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);

    public double? ResponseRate => Rate(Responded, Volume);

    public double? ResolutionRate => Rate(Resolved, Resolved + Unresolvable + Reopened);

    public double? SatisfactionRate => Rate(Satisfied, Callbacks);

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

/// <summary>
/// The measuring the metric slices share (see <see cref="DemandMetricsEndpoints"/> for the definitions): the
/// period asked for, and the counts computed in the database.
/// </summary>
internal static class DemandMeasurement
{
    /// <summary>The node whose children are measured (null id: the district, whose children are the streets).</summary>
    public readonly record struct Root(Guid? Id, string Path)
    {
        public static readonly Root District = new(null, TerritoryPath.Root);
    }

    /// <summary>
    /// The period [from, to): to defaults to now, from to <paramref name="defaultLength"/> before to. Instants are
    /// taken to UTC, as PostgreSQL stores them; a client may well send +08:00.
    /// </summary>
    public static bool TryWindow(
        DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, TimeSpan defaultLength,
        out DateTimeOffset since, out DateTimeOffset until, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        until = (to ?? now).ToUniversalTime();
        since = from?.ToUniversalTime() ?? until - defaultLength;
        problem = since < until ? null : ProblemResults.Validation("from", "from must be before to.");
        return problem is null;
    }

    /// <summary>The metrics of each child of <paramref name="root"/>, computed in the database in two grouped queries.</summary>
    public static async Task<List<NodeMetrics>> MeasureAsync(
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

    /// <summary>The metric counts of <paramref name="demands"/> grouped by <paramref name="key"/>, computed in one query.</summary>
    public static async Task<Dictionary<TKey, DemandCounts>> CountAsync<TKey>(
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
}
