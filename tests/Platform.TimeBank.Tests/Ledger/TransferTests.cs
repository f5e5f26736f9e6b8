using Platform.Domain;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Tests.Ledger;

public sealed class TransferTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly LedgerRules _rules = LedgerRules.Set(Purpose.VolunteerService, capMinutes: 600, minimumBalanceMinutes: 0, expiryYears: null, TimeSpan.FromHours(1), Now);
    private readonly Account _issuance = Account.OfBank(AccountKind.Issuance, Purpose.VolunteerService, Now);
    private readonly Account _alice = Account.OfVolunteer("alice", Purpose.VolunteerService, Now);
    private readonly Account _bob = Account.OfVolunteer("bob", Purpose.VolunteerService, Now);

    private LedgerEntry Move(Account from, Account to, long minutes, bool pending = false, Guid? id = null) =>
        Transfer.Open(new TransferOrder(id ?? Guid.CreateVersion7(), Purpose.VolunteerService, from.Id, to.Id, minutes, "memo", pending), from, to, _rules, "test", Now);

    private static void AssertRefused(DomainError error, Action action) => Assert.Equal(error, Assert.Throws<DomainException>(action).Error);

    [Fact]
    public void Open_Posted_WritesTwoPostingsThatSumToZero_WithRunningBalances()
    {
        var entry = Move(_issuance, _alice, 90);

        Assert.Equal(TransferStatus.Posted, entry.Transfer.Status);
        Assert.Equal([-90L, 90L], entry.Postings.Select(p => p.AmountMinutes));
        Assert.Equal([-90L, 90L], entry.Postings.Select(p => p.BalanceAfterMinutes));
        Assert.Equal(90, _alice.BalanceMinutes);
        Assert.Equal(90, _alice.EarnedMinutes);
    }

    [Fact]
    public void Matches_SameFieldsOtherMemo_IsAReplay_OtherMinutesIsNot()
    {
        var id = Guid.CreateVersion7();
        var transfer = Move(_issuance, _alice, 30, id: id).Transfer;

        Assert.True(transfer.Matches(new TransferOrder(id, Purpose.VolunteerService, _issuance.Id, _alice.Id, 30, "another memo", false)));
        Assert.False(transfer.Matches(new TransferOrder(id, Purpose.VolunteerService, _issuance.Id, _alice.Id, 31, "memo", false)));
        Assert.False(transfer.Matches(new TransferOrder(id, Purpose.VolunteerService, _issuance.Id, _alice.Id, 30, "memo", true)));
        Assert.False(transfer.Matches(new TransferOrder(id, Purpose.VolunteerService, _issuance.Id, _bob.Id, 30, "memo", false)));
    }

    [Fact]
    public void Open_BetweenPurposes_IsRefused_AndChangesNothing()
    {
        var mutualAid = Account.OfVolunteer("bob", Purpose.MutualAid, Now);

        AssertRefused(LedgerErrors.PurposeMismatch, () => Move(_issuance, mutualAid, 10));

        Assert.Equal(0, _issuance.BalanceMinutes);
        Assert.Equal(0, mutualAid.BalanceMinutes);
    }

    [Fact]
    public void Open_ToTheSameAccount_IsRefused() => AssertRefused(LedgerErrors.SameAccount, () => Move(_alice, _alice, 10));

    [Fact]
    public void Open_BelowTheMinimum_IsRefused_ButReachingExactlyZeroIsAllowed()
    {
        Move(_issuance, _alice, 60);

        AssertRefused(LedgerErrors.InsufficientBalance, () => Move(_alice, _bob, 61));
        Move(_alice, _bob, 60);

        Assert.Equal(0, _alice.BalanceMinutes);
        Assert.Equal(60, _bob.BalanceMinutes);
    }

    [Fact]
    public void Open_BeyondTheCap_IsRefusedWithCapExceeded_CountingMinutesOnTheirWayIn()
    {
        Move(_issuance, _alice, 500);
        Move(_issuance, _alice, 100, pending: true);

        AssertRefused(LedgerErrors.CapExceeded, () => Move(_issuance, _alice, 1));
        Assert.Equal(500, _alice.BalanceMinutes);
    }

    [Fact]
    public void Open_Pending_ReservesTheMinutes_WhichAreNotAvailableToSpend()
    {
        Move(_issuance, _alice, 100);
        Move(_alice, _bob, 70, pending: true);

        Assert.Equal(100, _alice.BalanceMinutes);
        Assert.Equal(70, _alice.PendingDebitMinutes);
        Assert.Equal(30, _alice.AvailableMinutes);
        Assert.Equal(0, _bob.AvailableMinutes);
        AssertRefused(LedgerErrors.InsufficientBalance, () => Move(_alice, _bob, 31));
    }

    [Fact]
    public void Post_APendingTransfer_MovesTheReservedMinutes_AndASecondFinishIsRefused()
    {
        Move(_issuance, _alice, 100);
        var transfer = Move(_alice, _bob, 70, pending: true).Transfer;

        var posted = transfer.Post(_alice, _bob, Now.AddMinutes(5));

        Assert.Equal(2, posted.Postings.Count);
        Assert.Equal((30L, 0L), (_alice.BalanceMinutes, _alice.PendingDebitMinutes));
        Assert.Equal((70L, 0L), (_bob.BalanceMinutes, _bob.PendingCreditMinutes));
        AssertRefused(LedgerErrors.TransferAlreadyFinished, () => transfer.Post(_alice, _bob, Now));
        AssertRefused(LedgerErrors.TransferAlreadyFinished, () => transfer.Void(_alice, _bob, Now));
    }

    [Fact]
    public void Void_APendingTransfer_ReleasesTheReservations_AndMovesNothing()
    {
        Move(_issuance, _alice, 100);
        var transfer = Move(_alice, _bob, 70, pending: true).Transfer;

        transfer.Void(_alice, _bob, Now);

        Assert.Equal(TransferStatus.Voided, transfer.Status);
        Assert.Equal((100L, 0L), (_alice.BalanceMinutes, _alice.PendingDebitMinutes));
        Assert.Equal((0L, 0L), (_bob.BalanceMinutes, _bob.PendingCreditMinutes));
    }

    [Fact]
    public void ExpireIfDue_AfterTheTimeout_VoidsIt_AndPostIsRefused()
    {
        Move(_issuance, _alice, 100);
        var transfer = Move(_alice, _bob, 70, pending: true).Transfer;

        Assert.False(transfer.ExpireIfDue(_alice, _bob, Now.AddMinutes(59)));
        AssertRefused(LedgerErrors.TransferExpired, () => transfer.Post(_alice, _bob, Now.AddHours(1)));
        Assert.True(transfer.ExpireIfDue(_alice, _bob, Now.AddHours(1)));

        Assert.Equal(TransferStatus.Voided, transfer.Status);
        Assert.Equal(100, _alice.AvailableMinutes);
    }

    [Fact]
    public void Reverse_APostedTransfer_MovesTheMinutesBackOnce_AndTakesBackTheEarnedMinutes()
    {
        var original = Move(_issuance, _alice, 90).Transfer;
        var reversalId = Guid.CreateVersion7();

        var reversal = original.Reverse(reversalId, "wrong shift", _alice, _issuance, _rules, "admin", Now);

        Assert.Equal(original.Id, reversal.Transfer.ReversesTransferId);
        Assert.Equal(reversalId, original.ReversedByTransferId);
        Assert.Equal((0L, 0L), (_alice.BalanceMinutes, _alice.EarnedMinutes));
        Assert.True(reversal.Transfer.IsReversalOf(original, reversalId));
        AssertRefused(LedgerErrors.TransferAlreadyReversed, () => original.Reverse(Guid.CreateVersion7(), null, _alice, _issuance, _rules, "admin", Now));
        AssertRefused(LedgerErrors.ReversalNotReversible, () => reversal.Transfer.Reverse(Guid.CreateVersion7(), null, _issuance, _alice, _rules, "admin", Now));
    }

    [Fact]
    public void Reverse_APendingTransfer_IsRefused()
    {
        Move(_issuance, _alice, 100);
        var pending = Move(_alice, _bob, 10, pending: true).Transfer;

        AssertRefused(LedgerErrors.TransferNotPosted, () => pending.Reverse(Guid.CreateVersion7(), null, _bob, _alice, _rules, "admin", Now));
    }

    [Fact]
    public void Reverse_MinutesAlreadySpent_IsRefusedAsInsufficient()
    {
        var original = Move(_issuance, _alice, 90).Transfer;
        Move(_alice, _bob, 50);

        AssertRefused(LedgerErrors.InsufficientBalance, () => original.Reverse(Guid.CreateVersion7(), null, _alice, _issuance, _rules, "admin", Now));
    }

    [Fact]
    public void Open_IntoAClosedAccount_IsRefused_AndOnlyAnEmptyAccountCloses()
    {
        Move(_issuance, _bob, 10);
        Assert.Equal(LedgerErrors.AccountNotEmpty, Assert.Throws<DomainException>(() => _bob.Close(Now)).Error);

        _alice.Close(Now);

        AssertRefused(LedgerErrors.AccountClosed, () => Move(_issuance, _alice, 10));
    }

    [Fact]
    public void Set_RulesWithTheMinimumAboveTheCap_AreRefused() =>
        AssertRefused(LedgerErrors.InvalidSettings, () => LedgerRules.Set(Purpose.MutualAid, 100, 200, null, TimeSpan.FromHours(1), Now));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99 * 60 + 59, 0)]
    [InlineData(100 * 60, 1)]
    [InlineData(300 * 60, 2)]
    [InlineData(600 * 60, 3)]
    [InlineData(1_000 * 60, 4)]
    [InlineData(1_500 * 60, 5)]
    [InlineData(5_000 * 60, 5)]
    public void StarLevel_OfEarnedMinutes_FollowsTheThresholds(long earnedMinutes, int stars) => Assert.Equal(stars, StarLevels.Of(earnedMinutes));
}
