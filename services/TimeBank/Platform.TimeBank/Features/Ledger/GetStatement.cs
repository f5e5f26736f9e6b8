using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.TimeBank.Data;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>One posting of a statement, with the account's balance right after it.</summary>
/// <param name="Sequence">The posting's number in the account's history (1 for its first).</param>
/// <param name="TransferId">The transfer it belongs to.</param>
/// <param name="AmountMinutes">Minutes put on (positive) or taken off (negative).</param>
/// <param name="BalanceAfterMinutes">The running balance.</param>
/// <param name="PostedAt">When.</param>
/// <param name="Memo">The transfer's memo.</param>
public sealed record PostingResponse(long Sequence, Guid TransferId, long AmountMinutes, long BalanceAfterMinutes, DateTimeOffset PostedAt, string? Memo);

/// <summary>A page of a statement, newest first.</summary>
/// <param name="Items">The postings.</param>
/// <param name="Next">The <c>before</c> value of the next (older) page; null on the last page.</param>
public sealed record StatementPage(IReadOnlyList<PostingResponse> Items, long? Next);

/// <summary>
/// An account's postings, newest first, paged by key (<c>before</c> the last sequence seen), so every page is one range
/// of the (account, sequence) key however long the history is.
/// </summary>
internal static class GetStatement
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static void Map(RouteGroupBuilder timebank) =>
        timebank.MapGet("accounts/{id:guid}/postings", HandleAsync)
            .WithSummary("An account's postings with their running balance, newest first; pass the answer's next as before for the older page.");

    private static async Task<Ok<StatementPage>> HandleAsync(
        Guid id, long? before, int? limit, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        await access.FindAccountAsync(id, db, cancellationToken);
        var size = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var postings = db.Postings.AsNoTracking().Where(p => p.AccountId == id);
        if (before is { } sequence)
        {
            postings = postings.Where(p => p.Sequence < sequence);
        }

        var page = await postings.OrderByDescending(p => p.Sequence).Take(size + 1)
            .Join(db.Transfers, p => p.TransferId, t => t.Id, (p, t) => new PostingResponse(p.Sequence, p.TransferId, p.AmountMinutes, p.BalanceAfterMinutes, p.PostedAt, t.Memo))
            .ToListAsync(cancellationToken);
        page = [.. page.OrderByDescending(p => p.Sequence)];
        return TypedResults.Ok(page.Count > size ? new StatementPage(page[..size], page[size - 1].Sequence) : new StatementPage(page, null));
    }
}
