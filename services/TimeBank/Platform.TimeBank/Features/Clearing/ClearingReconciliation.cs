using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Clearing;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Clearing;

/// <summary>A transfer with the counterparty still waiting for its answer.</summary>
/// <param name="Id">The clearing transfer.</param>
/// <param name="UserId">Whose minutes.</param>
/// <param name="Minutes">How many.</param>
/// <param name="CreatedAt">When it was sent.</param>
public sealed record InFlightClearing(Guid Id, string UserId, long Minutes, DateTimeOffset CreatedAt);

/// <summary>One counterparty and purpose: the two clearing balances, which mirror each other when nothing is in flight.</summary>
/// <param name="Counterparty">The other district's identifier.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="OurClearingMinutes">This district's clearing balance for the counterparty (posted).</param>
/// <param name="TheirReportedMinutes">The counterparty's last reported clearing balance for this district; null before its first report.</param>
/// <param name="Difference">Ours plus theirs: zero when they mirror each other.</param>
/// <param name="Flagged">A difference with nothing in flight to explain it.</param>
/// <param name="InFlight">This district's transfers to the counterparty still waiting for an answer.</param>
public sealed record ReconciliationItem(
    string Counterparty, Purpose Purpose, long OurClearingMinutes, long? TheirReportedMinutes, long Difference, bool Flagged, IReadOnlyList<InFlightClearing> InFlight);

/// <summary>The district's clearing reconciliation.</summary>
/// <param name="Items">One per counterparty and purpose.</param>
public sealed record ReconciliationResponse(IReadOnlyList<ReconciliationItem> Items);

/// <summary>
/// Reconciles clearing per counterparty (district admins): this district's clearing balance against what the
/// counterparty last reported of its own, by event. A move completes on the receiver first (its report can arrive before
/// the answer is applied here), so a difference is flagged only when no transfer to that counterparty is in flight.
/// </summary>
internal static class ClearingReconciliation
{
    public static void Map(RouteGroupBuilder admins) =>
        admins.MapGet("reconciliation", HandleAsync).WithSummary("Per counterparty district: our clearing balance, theirs as reported, the difference and what is in flight.");

    private static async Task<Ok<ReconciliationResponse>> HandleAsync(TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var ours = await db.Accounts.AsNoTracking().Where(a => a.Kind == AccountKind.Clearing)
            .Select(a => new { a.OwnerId, a.Purpose, a.BalanceMinutes }).ToListAsync(cancellationToken);
        var reports = await db.ClearingReports.AsNoTracking().ToListAsync(cancellationToken);
        var inFlight = await db.ClearingTransfers.AsNoTracking().Where(t => t.Status == ClearingStatus.Pending)
            .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);

        var keys = ours.Select(a => (Counterparty: a.OwnerId.ToLowerInvariant(), a.Purpose)).Concat(reports.Select(r => (Counterparty: r.Counterparty.ToLowerInvariant(), r.Purpose)))
            .Distinct().OrderBy(k => k.Counterparty, StringComparer.Ordinal).ThenBy(k => k.Purpose);
        var items = keys.Select(key =>
        {
            var our = ours.Where(a => Same(a.OwnerId, key.Counterparty) && a.Purpose == key.Purpose).Sum(a => a.BalanceMinutes);
            var theirs = reports.SingleOrDefault(r => Same(r.Counterparty, key.Counterparty) && r.Purpose == key.Purpose)?.ReportedMinutes;
            var flying = inFlight.Where(t => Same(t.Counterparty, key.Counterparty) && t.Purpose == key.Purpose)
                .Select(t => new InFlightClearing(t.Id, t.UserId, t.Minutes, t.CreatedAt)).ToList();
            var difference = our + (theirs ?? 0);
            return new ReconciliationItem(key.Counterparty, key.Purpose, our, theirs, difference, difference != 0 && flying.Count == 0, flying);
        });
        return TypedResults.Ok(new ReconciliationResponse([.. items]));
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
