using Platform.Domain;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Tests.Ledger;

/// <summary>
/// A district's ledger in memory, driven through the domain alone: the issuance account, three volunteers, a community
/// fund, one volunteer account of another purpose and the expiry account (which moves never name), with small limits so that random operations hit them often. It
/// keeps every transfer and posting the domain wrote, and a refused operation must leave every account as it was.
/// </summary>
internal sealed class LedgerModel
{
    public const long Cap = 600;

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public LedgerModel(long minimumBalance = 0)
    {
        Rules = LedgerRules.Set(Purpose.VolunteerService, Cap, minimumBalance, expiryYears: null, TimeSpan.FromHours(1), Start);
        Accounts =
        [
            Account.OfBank(AccountKind.Issuance, Purpose.VolunteerService, Start),
            Account.OfVolunteer("volunteer-1", Purpose.VolunteerService, Start),
            Account.OfVolunteer("volunteer-2", Purpose.VolunteerService, Start),
            Account.OfVolunteer("volunteer-3", Purpose.VolunteerService, Start),
            Account.FundOf(Guid.CreateVersion7(), "/a/b/", Purpose.VolunteerService, Start),
            Account.OfVolunteer("volunteer-1", Purpose.MutualAid, Start),
            Account.OfBank(AccountKind.Expiry, Purpose.VolunteerService, Start),
        ];
    }

    public LedgerRules Rules { get; }

    public DateTimeOffset Now { get; private set; } = Start;

    public List<Account> Accounts { get; }

    public List<Transfer> Transfers { get; } = [];

    public List<Posting> Postings { get; } = [];

    public int Refusals { get; private set; }

    public Account AccountOf(Guid id) => Accounts.Single(a => a.Id == id);

    /// <summary>The earned lots of <paramref name="account"/>, from its postings.</summary>
    public EarnedLots LotsOf(Account account) => EarnedLots.Of(Postings.Where(p => p.AccountId == account.Id));

    /// <summary>Applies one operation; a domain refusal is counted and must have changed nothing.</summary>
    public void Apply(LedgerOperation operation)
    {
        var before = Snapshot();
        try
        {
            Run(operation);
        }
        catch (DomainException)
        {
            Refusals++;
            Assert.Equal(before, Snapshot());
        }
    }

    private void Run(LedgerOperation operation)
    {
        switch (operation)
        {
            case LedgerOperation.Move move:
                var (from, to) = (Accounts[move.From], Accounts[move.To]);
                Record(Transfer.Open(new TransferOrder(Guid.CreateVersion7(), Purpose.VolunteerService, from.Id, to.Id, move.Minutes, null, move.Pending), from, to, Rules, "test", Now));
                break;
            case LedgerOperation.Finish finish when Pick(finish.Transfer) is { } transfer:
                if (finish.Post)
                {
                    Record(transfer.Post(AccountOf(transfer.DebitAccountId), AccountOf(transfer.CreditAccountId), Now));
                }
                else
                {
                    transfer.Void(AccountOf(transfer.DebitAccountId), AccountOf(transfer.CreditAccountId), Now);
                }

                break;
            case LedgerOperation.Reverse reverse when Pick(reverse.Transfer) is { } original:
                Record(original.Reverse(Guid.CreateVersion7(), "correction", AccountOf(original.CreditAccountId), AccountOf(original.DebitAccountId), Rules, "test", Now));
                break;
            case LedgerOperation.Expire expire:
                var expiry = Accounts.Single(a => a.Kind == AccountKind.Expiry);
                foreach (var account in Accounts.Where(a => a.Kind == AccountKind.Personal && a.Purpose == expiry.Purpose))
                {
                    if (Transfer.Expire(Guid.CreateVersion7(), account, LotsOf(account), expiry, Rules, Now.AddMinutes(-expire.AgeMinutes), Now) is { } expired)
                    {
                        Record(expired);
                    }
                }

                break;
            case LedgerOperation.Wait wait:
                Now += TimeSpan.FromMinutes(wait.Minutes);
                foreach (var pending in Transfers.Where(t => t.Status == TransferStatus.Pending))
                {
                    pending.ExpireIfDue(AccountOf(pending.DebitAccountId), AccountOf(pending.CreditAccountId), Now);
                }

                break;
        }
    }

    private Transfer? Pick(int index) => Transfers.Count == 0 ? null : Transfers[index % Transfers.Count];

    private void Record(LedgerEntry entry)
    {
        if (!Transfers.Contains(entry.Transfer))
        {
            Transfers.Add(entry.Transfer);
        }

        Postings.AddRange(entry.Postings);
    }

    private string Snapshot() => string.Join(
        ";",
        Accounts.Select(a => $"{a.BalanceMinutes}/{a.PendingDebitMinutes}/{a.PendingCreditMinutes}/{a.EarnedMinutes}/{a.PostingCount}")
            .Concat(Transfers.Select(t => $"{t.Status}/{t.ReversedByTransferId}")));
}

/// <summary>One random step of <see cref="LedgerModel"/>; transfers are named by their index, modulo how many there are.</summary>
internal abstract record LedgerOperation
{
    public sealed record Move(int From, int To, int Minutes, bool Pending) : LedgerOperation;

    public sealed record Finish(int Transfer, bool Post) : LedgerOperation;

    public sealed record Reverse(int Transfer) : LedgerOperation;

    public sealed record Wait(int Minutes) : LedgerOperation;

    /// <summary>Moves what is left of every volunteer's lots older than <paramref name="AgeMinutes"/> to the expiry account.</summary>
    public sealed record Expire(int AgeMinutes) : LedgerOperation;
}
