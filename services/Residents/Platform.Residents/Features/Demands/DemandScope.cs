using System.Linq.Expressions;
using Platform.Residents.Domain.Demands;

namespace Platform.Residents.Features.Demands;

/// <summary>Query pieces shared by the demand list and the metrics.</summary>
internal static class DemandScope
{
    /// <summary>
    /// The SQL form of <see cref="Demand.IsOverdue"/>: not answered by the response deadline, or not concluded by the
    /// resolution deadline (either still open past it, or done late).
    /// </summary>
    public static Expression<Func<Demand, bool>> OverdueAt(DateTimeOffset now) =>
        d => (d.RespondedAt ?? now) > d.ResponseDueAt || (d.ResolvedAt ?? now) > d.ResolutionDueAt;
}
