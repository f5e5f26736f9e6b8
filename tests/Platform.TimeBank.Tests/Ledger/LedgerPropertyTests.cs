using CsCheck;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Tests.Ledger;

/// <summary>
/// Random sequences of transfers (donations to the community fund among them), pending transfers posted, voided and
/// expired, and reversals, refused or not: after every step the ledger sums to zero, every balance is the sum of its
/// postings, every reservation is the sum of its pending transfers, no limited account is below its minimum or above its
/// cap, and earned minutes are what the issuance account credited less its reversals.
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly Gen<LedgerOperation> Operation = Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[1, 400], Gen.Bool, (from, to, minutes, pending) => (LedgerOperation)new LedgerOperation.Move(from, to, minutes, pending))),
        (3, Gen.Select(Gen.Int[0, 100], Gen.Bool, (transfer, post) => (LedgerOperation)new LedgerOperation.Finish(transfer, post))),
        (2, Gen.Int[0, 100].Select(transfer => (LedgerOperation)new LedgerOperation.Reverse(transfer))),
        (1, Gen.Int[1, 90].Select(minutes => (LedgerOperation)new LedgerOperation.Wait(minutes))));

    [Fact]
    public void RandomOperations_KeepTheLedgerBalanced_AndEveryAccountWithinItsLimits() =>
        Operation.Array[1, 80].Sample(operations =>
        {
            var ledger = new LedgerModel();
            foreach (var operation in operations)
            {
                ledger.Apply(operation);
                AssertInvariants(ledger);
            }
        }, iter: 2_000);

    [Fact]
    public void RandomOperations_WithAnOverdraftMinimum_NeverGoBelowIt() =>
        Operation.Array[1, 80].Sample(operations =>
        {
            var ledger = new LedgerModel(minimumBalance: -120);
            foreach (var operation in operations)
            {
                ledger.Apply(operation);
                AssertInvariants(ledger);
            }
        }, iter: 1_000);

    internal static void AssertInvariants(LedgerModel ledger)
    {
        Assert.Equal(0, ledger.Accounts.Sum(a => a.BalanceMinutes));
        Assert.Equal(ledger.Accounts.Sum(a => a.PendingDebitMinutes), ledger.Accounts.Sum(a => a.PendingCreditMinutes));
        foreach (var account in ledger.Accounts)
        {
            var postings = ledger.Postings.Where(p => p.AccountId == account.Id).OrderBy(p => p.Sequence).ToList();
            Assert.Equal(postings.Sum(p => p.AmountMinutes), account.BalanceMinutes);
            Assert.Equal(Enumerable.Range(1, postings.Count).Select(i => (long)i), postings.Select(p => p.Sequence));
            var running = 0L;
            foreach (var posting in postings)
            {
                running += posting.AmountMinutes;
                Assert.Equal(running, posting.BalanceAfterMinutes);
            }

            var pending = ledger.Transfers.Where(t => t.Status == TransferStatus.Pending).ToList();
            Assert.Equal(pending.Where(t => t.DebitAccountId == account.Id).Sum(t => t.Minutes), account.PendingDebitMinutes);
            Assert.Equal(pending.Where(t => t.CreditAccountId == account.Id).Sum(t => t.Minutes), account.PendingCreditMinutes);

            var limits = ledger.Rules.LimitsOf(account);
            if (limits.MinimumMinutes is { } minimum)
            {
                Assert.True(account.AvailableMinutes >= minimum, $"{account.Kind} {account.Id} has {account.AvailableMinutes} available, below {minimum}");
            }

            if (limits.CapMinutes is { } cap)
            {
                Assert.True(account.BalanceMinutes + account.PendingCreditMinutes <= cap, $"{account.Id} holds {account.BalanceMinutes}+{account.PendingCreditMinutes}, above {cap}");
            }

            Assert.Equal(EarnedFromPostings(ledger, account), account.EarnedMinutes);
        }

        foreach (var transfer in ledger.Transfers)
        {
            var postings = ledger.Postings.Where(p => p.TransferId == transfer.Id).ToList();
            Assert.Equal(transfer.Status == TransferStatus.Posted ? 2 : 0, postings.Count);
            Assert.Equal(0, postings.Sum(p => p.AmountMinutes));
            Assert.Equal(ledger.AccountOf(transfer.DebitAccountId).Purpose, ledger.AccountOf(transfer.CreditAccountId).Purpose);
        }
    }

    private static long EarnedFromPostings(LedgerModel ledger, Account account)
    {
        var issuance = ledger.Accounts.Single(a => a.Kind == AccountKind.Issuance).Id;
        var posted = ledger.Transfers.Where(t => t.Status == TransferStatus.Posted).ToList();
        var issued = posted.Where(t => t.ReversesTransferId is null && t.DebitAccountId == issuance && t.CreditAccountId == account.Id && account.Kind == AccountKind.Personal).ToList();
        var reversedIds = posted.Where(t => t.ReversesTransferId is not null).Select(t => t.ReversesTransferId).ToHashSet();
        return issued.Sum(t => t.Minutes) - issued.Where(t => reversedIds.Contains(t.Id)).Sum(t => t.Minutes);
    }
}
