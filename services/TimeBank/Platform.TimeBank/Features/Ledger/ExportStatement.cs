using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>Period of <c>GET /api/timebank/accounts/{id}/postings.csv</c>.</summary>
/// <param name="From">Postings at or after this moment (default: the account's first).</param>
/// <param name="To">Postings before this moment (default: now).</param>
public sealed record StatementPeriod(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// An account's postings over a period as a CSV file for spreadsheets (UTF-8 with a byte-order mark, memos safe from
/// formula injection), oldest first with the running balance, for whoever may see the account. A period of more than
/// <see cref="MaxRows"/> postings is refused rather than cut short: a statement with postings missing would mislead.
/// </summary>
internal static class ExportStatement
{
    /// <summary>The most postings one file holds.</summary>
    public const int MaxRows = 100_000;

    public static void Map(RouteGroupBuilder timebank) =>
        timebank.MapGet("accounts/{id:guid}/postings.csv", HandleAsync).WithSummary("An account's postings over a period (from inclusive, to exclusive) as CSV, oldest first.");

    private static async Task<FileContentHttpResult> HandleAsync(
        Guid id, [AsParameters] StatementPeriod period, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        if (period.From is { } start && period.To is { } end && end <= start)
        {
            throw new DomainException(LedgerErrors.InvalidPeriod, "The period ends before it starts.", "to");
        }

        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        var account = await access.FindAccountAsync(id, db, cancellationToken);
        var postings = db.Postings.AsNoTracking().Where(p => p.AccountId == id);
        postings = period.From?.ToUniversalTime() is { } from ? postings.Where(p => p.PostedAt >= from) : postings;
        postings = period.To?.ToUniversalTime() is { } to ? postings.Where(p => p.PostedAt < to) : postings;
        var rows = await postings.OrderBy(p => p.Sequence).Take(MaxRows + 1)
            .Join(db.Transfers, p => p.TransferId, t => t.Id, (p, t) => new { p.Sequence, p.PostedAt, p.TransferId, p.AmountMinutes, p.BalanceAfterMinutes, t.Memo })
            .ToListAsync(cancellationToken);
        if (rows.Count > MaxRows)
        {
            throw new DomainException(LedgerErrors.InvalidPeriod, $"The period holds more than {MaxRows} postings; export it in shorter periods.", "from");
        }

        var csv = new StringBuilder("sequence,posted_at,transfer_id,amount_minutes,balance_after_minutes,memo\r\n");
        foreach (var row in rows.OrderBy(r => r.Sequence))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Sequence},{row.PostedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{row.TransferId},{row.AmountMinutes},{row.BalanceAfterMinutes},")
                .Append(CsvText.QuotedAsText(row.Memo ?? "")).Append("\r\n");
        }

        return TypedResults.File(CsvText.ForSpreadsheets(csv), "text/csv; charset=utf-8", $"statement-{account.Id}.csv");
    }
}
