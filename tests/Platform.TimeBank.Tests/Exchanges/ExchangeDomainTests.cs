using Platform.Domain;
using Platform.TimeBank.Domain.Exchanges;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Tests.Exchanges;

public sealed class ExchangeDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Community = Guid.CreateVersion7();

    [Fact]
    public void Request_IsPaidByItsPoster_ToWhoeverAccepts_AsAPendingTransferUnderTheExchangesId()
    {
        var exchange = Post(ExchangeKind.Request, "alice");

        var order = exchange.Accept("bob", Mutual("alice"), Mutual("bob"), Now);

        Assert.Equal((ExchangeStatus.Accepted, "bob", "alice"), (exchange.Status, exchange.ProviderId, exchange.ReceiverId));
        Assert.Equal((exchange.Id, 45L, true), (order.Id, order.Minutes, order.Pending));
        Assert.Equal(Now + Exchange.ReservationHold, order.ExpiresAt);
    }

    [Fact]
    public void Offer_IsPaidByWhoeverAccepts_AndTheWrongAccountsAreRefused()
    {
        var exchange = Post(ExchangeKind.Offer, "alice");

        Assert.Throws<ArgumentException>(() => exchange.Accept("bob", Mutual("alice"), Mutual("bob"), Now));
        Assert.Throws<ArgumentException>(() => exchange.Accept("bob", Account.OfVolunteer("bob", Purpose.VolunteerService, Now), Mutual("alice"), Now));
        exchange.Accept("bob", Mutual("bob"), Mutual("alice"), Now);
        Assert.Equal(("alice", "bob"), (exchange.ProviderId, exchange.ReceiverId));
    }

    [Fact]
    public void Steps_FollowTheirOrder_AndOnlyTheRightPersonTakesThem()
    {
        var exchange = Post(ExchangeKind.Request, "alice");
        Refused(ExchangeErrors.OwnExchange, () => exchange.PartiesIfAcceptedBy("alice"));
        Refused(ExchangeErrors.InvalidStep, () => exchange.MarkDone("bob", Now));
        exchange.Accept("bob", Mutual("alice"), Mutual("bob"), Now);

        Refused(ExchangeErrors.NotAParty, () => exchange.MarkDone("alice", Now));
        Refused(ExchangeErrors.InvalidStep, () => exchange.Confirm("alice", isCoordinator: false, Now));
        exchange.MarkDone("bob", Now);
        Refused(ExchangeErrors.InvalidStep, () => exchange.Cancel("alice", isCoordinator: false, Now));
        Refused(ExchangeErrors.NotAParty, () => exchange.Confirm("bob", isCoordinator: true, Now));
        exchange.Confirm("alice", isCoordinator: false, Now);

        Assert.Equal((ExchangeStatus.Confirmed, "alice"), (exchange.Status, exchange.FinishedBy));
        Refused(ExchangeErrors.InvalidStep, () => exchange.Dispute("alice", "again", Now));
    }

    [Fact]
    public void CommunityNeed_IsPaidFromItsCommunitysFund_AndApprovedByACoordinatorWhoDidNotProvide()
    {
        var need = Post(ExchangeKind.CommunityNeed, "worker");
        var fund = Account.FundOf(Community, "/a/b/", Purpose.MutualAid, Now);
        Assert.Throws<ArgumentException>(() => need.Accept("bob", Account.FundOf(Guid.CreateVersion7(), "/a/c/", Purpose.MutualAid, Now), Mutual("bob"), Now));
        need.Accept("bob", fund, Mutual("bob"), Now);
        need.MarkDone("bob", Now);

        Refused(ExchangeErrors.NotAParty, () => need.Confirm("worker", isCoordinator: false, Now));
        need.Confirm("worker", isCoordinator: true, Now);
        Assert.Null(need.ReceiverId);
        Assert.Equal(ExchangeStatus.Confirmed, need.Status);
    }

    [Fact]
    public void Dispute_IsSettledByACoordinatorWhoIsNoParty()
    {
        var exchange = Post(ExchangeKind.Request, "alice");
        exchange.Accept("bob", Mutual("alice"), Mutual("bob"), Now);
        Refused(ExchangeErrors.NotAParty, () => exchange.Dispute("carol", "not mine", Now));
        exchange.Dispute("alice", "did not come", Now);

        Refused(ExchangeErrors.NotAParty, () => exchange.Settle("alice", isCoordinator: true, payProvider: false, null, Now));
        exchange.Settle("worker", isCoordinator: true, payProvider: false, "agreed", Now);

        Assert.Equal((ExchangeStatus.Cancelled, "worker", "agreed"), (exchange.Status, exchange.FinishedBy, exchange.ResolutionNote));
    }

    private static Exchange Post(ExchangeKind kind, string poster) => Exchange.Post(kind, ExchangeCategory.Errands, "买菜", 45, Community, "/a/b/", poster, Now);

    private static Account Mutual(string user) => Account.OfVolunteer(user, Purpose.MutualAid, Now);

    private static void Refused(DomainError error, Action action) => Assert.Equal(error, Assert.Throws<DomainException>(action).Error);

    private static void Refused(DomainError error, Func<object> action) => Refused(error, () => { action(); });
}
