using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>The accounts of one purpose and kind, summed.</summary>
/// <param name="Purpose">The purpose.</param>
/// <param name="Kind">The kind of account.</param>
/// <param name="Count">How many accounts.</param>
/// <param name="BalanceMinutes">Their posted balances together.</param>
/// <param name="PendingMinutes">What their outgoing pending transfers reserve together.</param>
public sealed record TrialBalanceLine(Purpose Purpose, AccountKind Kind, long Count, long BalanceMinutes, long PendingMinutes);

/// <summary>An account whose kept figures disagree with its postings or its pending transfers.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="BalanceMinutes">The kept balance.</param>
/// <param name="PostedMinutes">The sum of its postings.</param>
/// <param name="PostingCount">The kept number of postings.</param>
/// <param name="Postings">How many postings it has.</param>
/// <param name="PendingMinutes">The kept outgoing reservation.</param>
/// <param name="PendingTransfersMinutes">The sum of its outgoing pending transfers.</param>
/// <param name="IncomingPendingMinutes">The kept incoming reservation.</param>
/// <param name="IncomingPendingTransfersMinutes">The sum of its incoming pending transfers.</param>
public sealed record TrialBalanceMismatch(
    Guid AccountId, long BalanceMinutes, long PostedMinutes, long PostingCount, long Postings, long PendingMinutes, long PendingTransfersMinutes,
    long IncomingPendingMinutes, long IncomingPendingTransfersMinutes);

/// <summary>The district's trial balance.</summary>
/// <param name="SumMinutes">Every account's balance together: 0 in a sound ledger.</param>
/// <param name="PostingsSumMinutes">Every posting together: 0 in a sound ledger.</param>
/// <param name="Accounts">The accounts per purpose and kind, each purpose summing to 0.</param>
/// <param name="Mismatches">Accounts whose kept figures disagree with their postings or pending transfers: none in a sound ledger.</param>
public sealed record TrialBalanceResponse(long SumMinutes, long PostingsSumMinutes, IReadOnlyList<TrialBalanceLine> Accounts, IReadOnlyList<TrialBalanceMismatch> Mismatches);

/// <summary>
/// Reconciles the district's ledger (district admins): the balances sum to zero, and every account's kept balance,
/// posting count and reservations are recomputed from its postings and pending transfers.
/// </summary>
internal static class GetTrialBalance
{
    public static void Map(RouteGroupBuilder admins) =>
        admins.MapGet("ledger/trial-balance", HandleAsync).WithSummary("Sum of all balances (0), per purpose and kind, and every account whose balance disagrees with its postings.");

    private static async Task<Ok<TrialBalanceResponse>> HandleAsync(TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var lines = await db.Accounts.AsNoTracking()
            .GroupBy(a => new { a.Purpose, a.Kind })
            .Select(g => new TrialBalanceLine(g.Key.Purpose, g.Key.Kind, g.LongCount(), g.Sum(a => a.BalanceMinutes), g.Sum(a => a.PendingDebitMinutes)))
            .ToListAsync(cancellationToken);
        var postingsSum = await db.Postings.AsNoTracking().SumAsync(p => p.AmountMinutes, cancellationToken);
        var mismatches = await MismatchesAsync(db, cancellationToken);
        return TypedResults.Ok(new TrialBalanceResponse(
            lines.Sum(l => l.BalanceMinutes), postingsSum, [.. lines.OrderBy(l => l.Purpose).ThenBy(l => l.Kind)], mismatches));
    }

    // One pass over each table, grouped per account, in the database: the district may have millions of postings.
    private static Task<List<TrialBalanceMismatch>> MismatchesAsync(TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId;
        var pending = nameof(TransferStatus.Pending);
        return db.Database.SqlQuery<TrialBalanceMismatch>($"""
            WITH posted AS (
                SELECT "AccountId", sum("AmountMinutes") AS minutes, count(*) AS postings FROM postings WHERE "TenantId" = {tenantId} GROUP BY "AccountId"),
            reserved_out AS (
                SELECT "DebitAccountId" AS "AccountId", sum("Minutes") AS minutes FROM transfers
                WHERE "TenantId" = {tenantId} AND "Status" = {pending} GROUP BY "DebitAccountId"),
            reserved_in AS (
                SELECT "CreditAccountId" AS "AccountId", sum("Minutes") AS minutes FROM transfers
                WHERE "TenantId" = {tenantId} AND "Status" = {pending} GROUP BY "CreditAccountId"),
            reckoned AS (
                SELECT a."Id" AS "AccountId", a."BalanceMinutes", coalesce(p.minutes, 0)::bigint AS "PostedMinutes",
                       a."PostingCount", coalesce(p.postings, 0)::bigint AS "Postings",
                       a."PendingDebitMinutes" AS "PendingMinutes", coalesce(o.minutes, 0)::bigint AS "PendingTransfersMinutes",
                       a."PendingCreditMinutes" AS "IncomingPendingMinutes", coalesce(i.minutes, 0)::bigint AS "IncomingPendingTransfersMinutes"
                FROM accounts a
                LEFT JOIN posted p ON p."AccountId" = a."Id"
                LEFT JOIN reserved_out o ON o."AccountId" = a."Id"
                LEFT JOIN reserved_in i ON i."AccountId" = a."Id"
                WHERE a."TenantId" = {tenantId})
            SELECT * FROM reckoned
            WHERE "BalanceMinutes" <> "PostedMinutes" OR "PostingCount" <> "Postings"
               OR "PendingMinutes" <> "PendingTransfersMinutes" OR "IncomingPendingMinutes" <> "IncomingPendingTransfersMinutes"
            ORDER BY "AccountId"
            LIMIT 1000
            """).ToListAsync(cancellationToken);
    }
}
