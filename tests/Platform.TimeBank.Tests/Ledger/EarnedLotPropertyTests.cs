using CsCheck;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Tests.Ledger;

/// <summary>
/// Earned lots under random transfers, pending transfers, reversals, waits and expiry sweeps: the ledger still sums to
/// zero, the lots of every account hold exactly the positive part of its balance, no lot is negative or above what it
/// started with, the oldest lot is spent first (only the oldest open lot is ever partly spent), and after an expiry
/// nothing earned before the cutoff is left but what outgoing pending transfers hold.
/// </summary>
public sealed class EarnedLotPropertyTests
{
    private const int LotAgeMinutes = 120;

    private static readonly Gen<LedgerOperation> Operation = Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[1, 400], Gen.Bool, (from, to, minutes, pending) => (LedgerOperation)new LedgerOperation.Move(from, to, minutes, pending))),
        (3, Gen.Select(Gen.Int[0, 100], Gen.Bool, (transfer, post) => (LedgerOperation)new LedgerOperation.Finish(transfer, post))),
        (2, Gen.Int[0, 100].Select(transfer => (LedgerOperation)new LedgerOperation.Reverse(transfer))),
        (2, Gen.Int[1, 90].Select(minutes => (LedgerOperation)new LedgerOperation.Wait(minutes))),
        (2, Gen.Const((LedgerOperation)new LedgerOperation.Expire(LotAgeMinutes))));

    [Theory]
    [InlineData(0)]
    [InlineData(-120)]
    public void RandomOperations_WithExpiry_KeepLotsEqualToThePositiveBalance_SpentOldestFirst(long minimumBalance) =>
        Operation.Array[1, 80].Sample(operations =>
        {
            var ledger = new LedgerModel(minimumBalance);
            foreach (var operation in operations)
            {
                ledger.Apply(operation);
                LedgerPropertyTests.AssertInvariants(ledger);
                foreach (var account in ledger.Accounts)
                {
                    AssertLots(ledger, account, expiredJustNow: operation is LedgerOperation.Expire);
                }
            }
        }, iter: 500);

    [Fact]
    public void Apply_ADebitLargerThanTheOldestLot_SpendsItWholeAndThenTheNext()
    {
        var ledger = new LedgerModel();
        var (issuance, volunteer) = (ledger.Accounts[0], ledger.Accounts[1]);
        ledger.Apply(new LedgerOperation.Move(0, 1, 100, Pending: false));
        ledger.Apply(new LedgerOperation.Wait(10));
        ledger.Apply(new LedgerOperation.Move(0, 1, 50, Pending: false));
        ledger.Apply(new LedgerOperation.Move(1, 2, 120, Pending: false));

        var lots = ledger.LotsOf(volunteer);

        Assert.Equal(30, Assert.Single(lots.Open).RemainingMinutes);
        Assert.Equal(50, lots.Open[0].Minutes);
        Assert.Equal(0, ledger.LotsOf(issuance).RemainingMinutes);
    }

    [Fact]
    public void ExpiringMinutes_OfLotsPastTheCutoff_LeavesYoungerLotsAndReservedMinutes()
    {
        var ledger = new LedgerModel();
        var volunteer = ledger.Accounts[1];
        ledger.Apply(new LedgerOperation.Move(0, 1, 100, Pending: false));
        ledger.Apply(new LedgerOperation.Wait(90));
        ledger.Apply(new LedgerOperation.Move(0, 1, 40, Pending: false));
        ledger.Apply(new LedgerOperation.Move(1, 2, 60, Pending: true));
        ledger.Apply(new LedgerOperation.Wait(50));

        ledger.Apply(new LedgerOperation.Expire(LotAgeMinutes));

        var lots = ledger.LotsOf(volunteer);
        Assert.Equal((80L, 60L), (ledger.Transfers.Last().Minutes, volunteer.BalanceMinutes));
        Assert.Equal([20L, 40L], lots.Open.Select(l => l.RemainingMinutes));
    }

    private static void AssertLots(LedgerModel ledger, Account account, bool expiredJustNow)
    {
        var lots = ledger.LotsOf(account);
        Assert.Equal(account.BalanceMinutes, lots.BalanceMinutes);
        Assert.Equal(Math.Max(account.BalanceMinutes, 0), lots.RemainingMinutes);
        Assert.All(lots.Open, lot => Assert.InRange(lot.RemainingMinutes, 1, lot.Minutes));
        Assert.All(lots.Open.Skip(1), lot => Assert.Equal(lot.Minutes, lot.RemainingMinutes));
        Assert.Equal(lots.Open.Select(l => l.Sequence).Order(), lots.Open.Select(l => l.Sequence));
        if (expiredJustNow && account.Kind == AccountKind.Personal && account.Purpose == Purpose.VolunteerService)
        {
            Assert.True(lots.DueToExpire(ledger.Now.AddMinutes(-LotAgeMinutes)) <= account.PendingDebitMinutes, $"{account.Id} kept expired minutes it could give up");
        }
    }
}
