using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Property.Data;
using Platform.Property.Domain.Committees;
using Platform.Property.Features.Areas;
using Platform.TerritoryReplica;

namespace Platform.Property.Features.Committees;

/// <summary>What needs doing about a committee.</summary>
public enum CommitteeReminderKind
{
    /// <summary>The term ends within six months, or has ended: the owners elect the next committee.</summary>
    ReElectionDue,

    /// <summary>The owners elected their committee more than 30 days ago and the interim committee is still active.</summary>
    InterimDissolutionOverdue,
}

/// <summary>A reminder for one committee.</summary>
/// <param name="Kind">What is due.</param>
/// <param name="CommitteeId">The committee.</param>
/// <param name="AreaId">Its area.</param>
/// <param name="DueAt">When it is (or was) due.</param>
public sealed record CommitteeReminderResponse(CommitteeReminderKind Kind, Guid CommitteeId, Guid AreaId, DateTimeOffset DueAt);

/// <summary>How many of the caller's areas have an owners' committee.</summary>
/// <param name="Areas">Areas in the caller's territory.</param>
/// <param name="WithOwnersCommittee">Of those, with an active owners' committee.</param>
/// <param name="WithInterimCommittee">Of those, with an active interim committee.</param>
/// <param name="FormationRate">WithOwnersCommittee ÷ Areas, four decimal places (0 with no areas).</param>
public sealed record FormationRateResponse(int Areas, int WithOwnersCommittee, int WithInterimCommittee, string FormationRate);

/// <summary>The reminders of committees in the caller's territory and the formation rate (业委会组建率).</summary>
internal static class CommitteeReports
{
    public static void Map(IEndpointRouteBuilder committees)
    {
        committees.MapGet("reminders", RemindersAsync).WithSummary(
            "Re-elections due (term ending within six months or ended) and interim committees overdue for dissolution (owners elected theirs more than 30 days ago), soonest first.");
        committees.MapGet("formation-rate", FormationRateAsync).WithSummary("Areas with an active owners' committee ÷ areas, in the caller's territory.");
    }

    private static async Task<Ok<IReadOnlyList<CommitteeReminderResponse>>> RemindersAsync(
        ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var areas = AreaAccess.InScope(db, scope).Select(a => a.Id);
        var active = await db.Committees.AsNoTracking().Where(c => c.Stage == CommitteeStage.Active && areas.Contains(c.AreaId)).ToListAsync(cancellationToken);
        var interimAreas = active.Where(c => c.Kind == CommitteeKind.InterimCommittee).Select(c => c.AreaId).ToList();
        var ownersElectedAt = (await db.Committees.AsNoTracking()
                .Where(c => c.Kind == CommitteeKind.OwnersCommittee && c.ElectedAt != null && c.EndedAt == null && interimAreas.Contains(c.AreaId))
                .Select(c => new { c.AreaId, c.ElectedAt }).ToListAsync(cancellationToken))
            .GroupBy(c => c.AreaId).ToDictionary(g => g.Key, g => g.Max(c => c.ElectedAt));

        var reminders = active.Where(c => c.ReElectionDue(now))
            .Select(c => new CommitteeReminderResponse(CommitteeReminderKind.ReElectionDue, c.Id, c.AreaId, c.TermEndsAt!.Value))
            .Concat(active.Where(c => c.DissolutionOverdue(ownersElectedAt.GetValueOrDefault(c.AreaId), now))
                .Select(c => new CommitteeReminderResponse(
                    CommitteeReminderKind.InterimDissolutionOverdue, c.Id, c.AreaId, ownersElectedAt[c.AreaId]!.Value + Committee.InterimDissolutionPeriod)))
            .OrderBy(r => r.DueAt)
            .ToList();
        return TypedResults.Ok<IReadOnlyList<CommitteeReminderResponse>>(reminders);
    }

    private static async Task<Ok<FormationRateResponse>> FormationRateAsync(ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var areas = AreaAccess.InScope(db, scope).Select(a => a.Id);
        var total = await areas.CountAsync(cancellationToken);
        var byKind = await db.Committees.Where(c => c.Stage == CommitteeStage.Active && areas.Contains(c.AreaId))
            .GroupBy(c => c.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var owners = byKind.GetValueOrDefault(CommitteeKind.OwnersCommittee);
        return TypedResults.Ok(new FormationRateResponse(
            total, owners, byKind.GetValueOrDefault(CommitteeKind.InterimCommittee), (total == 0 ? 0m : decimal.Round((decimal)owners / total, 4)).ToString("0.0000", CultureInfo.InvariantCulture)));
    }
}
