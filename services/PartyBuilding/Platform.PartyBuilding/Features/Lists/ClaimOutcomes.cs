using Microsoft.EntityFrameworkCore;
using Platform.PartyBuilding.Domain.Lists;
using Platform.PartyBuilding.Domain.Service;

namespace Platform.PartyBuilding.Features.Lists;

/// <summary>A member's claims that ended in a period, as the points rules count them.</summary>
/// <param name="Completed">Claims completed.</param>
/// <param name="Abandoned">Claims abandoned.</param>
internal readonly record struct ClaimOutcomeCount(int Completed, int Abandoned);

/// <summary>The claims that ended in a period, per member report: they feed the points and the feedback report.</summary>
internal static class ClaimOutcomes
{
    /// <summary>The completed and abandoned claims of <paramref name="memberReportIds"/> that ended in <paramref name="period"/>; a member without any is absent.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ClaimOutcomeCount>> CountAsync(
        IQueryable<OpeningClaim> claims, IReadOnlyCollection<Guid> memberReportIds, ServicePeriod period, CancellationToken cancellationToken)
    {
        var (first, last) = ((DateOnly?)period.FirstDay, (DateOnly?)period.LastDay);
        var ids = memberReportIds.ToList();
        return await claims.AsNoTracking()
            .Where(c => c.MemberReportId != null && ids.Contains(c.MemberReportId.Value) && c.EndedOn >= first && c.EndedOn <= last)
            .GroupBy(c => c.MemberReportId!.Value)
            .Select(g => new { g.Key, Completed = g.Count(c => c.Status == ClaimStatus.Completed), Abandoned = g.Count(c => c.Status == ClaimStatus.Abandoned) })
            .ToDictionaryAsync(g => g.Key, g => new ClaimOutcomeCount(g.Completed, g.Abandoned), cancellationToken);
    }
}
