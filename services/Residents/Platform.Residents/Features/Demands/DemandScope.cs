using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Demands;

/// <summary>Query pieces shared by the demand slices and the metrics.</summary>
internal static class DemandScope
{
    /// <summary>
    /// The SQL form of <see cref="Demand.IsOverdue"/>: not answered by the response deadline, or not concluded by the
    /// resolution deadline (either still open past it, or done late).
    /// </summary>
    public static Expression<Func<Demand, bool>> OverdueAt(DateTimeOffset now) =>
        d => (d.RespondedAt ?? now) > d.ResponseDueAt || (d.ResolvedAt ?? now) > d.ResolutionDueAt;

    /// <summary>The grid the node lies in (the node itself or one of its ancestors), if any.</summary>
    public static async Task<Guid?> GridOfAsync(ResidentsDbContext db, TerritoryReplicaNode node, CancellationToken cancellationToken)
    {
        var ancestors = node.PathIds().ToList();
        return await db.TerritoryNodes.Where(n => ancestors.Contains(n.Id) && n.Kind == TerritoryNodeKind.Grid)
            .Select(n => (Guid?)n.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
