using Platform.Domain;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Notices;
using Platform.TerritoryReplica;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Deliberation;

/// <summary>
/// Representatives' rules with the clock in the test's hands: the objection period, answered objections, one nomination
/// per person and term, and the area's seats per category.
/// </summary>
public sealed class RepresentativeTests
{
    private static readonly TimeSpan Period = TimeSpan.FromDays(5);
    private static readonly TerritoryReplicaNode Community = new() { Id = NodeId, Path = NodePath, Name = "幸福社区" };
    private static readonly DateOnly TermStart = new(2027, 1, 1);
    private static readonly DateOnly TermEnd = new(2029, 12, 31);
    private static readonly SeatCounts AnySeats = new() { Residents = 9, LocalUnits = 9, SocialOrganisations = 9, Invitees = 9 };

    private static Representative Nominate(
        Guid? residentId, string name = "张三丰", DateOnly? start = null, DateOnly? end = null, IEnumerable<Representative>? others = null,
        RepresentativeSeat seat = RepresentativeSeat.Residents, TerritoryReplicaNode? area = null) =>
        Representative.Nominate(
            area ?? Community, residentId, name, null, seat, RepresentativeNomination.PartyOrganisation, start ?? TermStart, end ?? TermEnd, others ?? [], Period,
            "u-worker", Now);

    private static string CodeOf(Action action) => Assert.ThrowsAny<DomainException>(action).Error.Code;

    [Fact]
    public void Confirm_WhileTheObjectionPeriodRuns_IsRefused_AndFromItsEndSucceeds()
    {
        var nominee = Nominate(Guid.NewGuid());
        Assert.Equal(Now + Period, nominee.ObjectionsUntil);

        Assert.Equal("representative.objection_period_running", CodeOf(() => nominee.Confirm(0, null, AnySeats, [], "u-worker", Now + Period - TimeSpan.FromSeconds(1))));
        Assert.Equal(RepresentativeStatus.InPublicity, nominee.Status);

        nominee.Confirm(0, null, AnySeats, [], "u-worker", Now + Period);
        Assert.Equal((RepresentativeStatus.Confirmed, Now + Period), (nominee.Status, nominee.DecidedAt));
        Assert.Equal("representative.invalid_transition", CodeOf(() => nominee.Reject("晚了", "u-worker", Now + Period)));
    }

    [Fact]
    public void Confirm_OverObjections_NeedsTheirAnswer()
    {
        var nominee = Nominate(Guid.NewGuid());
        var after = Now + Period;

        Assert.Equal("representative.objections_unanswered", CodeOf(() => nominee.Confirm(2, " ", AnySeats, [], "u-worker", after)));
        nominee.Confirm(2, "居民会议听取异议后表决确认", AnySeats, [], "u-worker", after);
        Assert.Equal("居民会议听取异议后表决确认", nominee.DecisionNote);
    }

    [Fact]
    public void Reject_WithoutAReason_IsRefused()
    {
        var nominee = Nominate(Guid.NewGuid());
        Assert.Equal("representative.invalid_argument", CodeOf(() => nominee.Reject("", "u-worker", Now)));
        nominee.Reject("本人撤回", "u-worker", Now);
        Assert.Equal(RepresentativeStatus.Rejected, nominee.Status);
    }

    [Theory]
    [InlineData("2029-12-31", "2032-12-31", true)]
    [InlineData("2025-01-01", "2027-01-01", true)]
    [InlineData("2030-01-01", "2032-12-31", false)]
    [InlineData("2024-01-01", "2026-12-31", false)]
    public void Nominate_TheSameResidentForAnOverlappingTerm_IsRefused(string start, string end, bool overlaps)
    {
        var resident = Guid.NewGuid();
        var earlier = Nominate(resident);

        var again = () => Nominate(resident, start: DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), end: DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), others: [earlier]);

        if (overlaps)
        {
            Assert.Equal("representative.already_nominated", CodeOf(() => again()));
        }
        else
        {
            Assert.Equal(RepresentativeStatus.InPublicity, again().Status);
        }
    }

    [Fact]
    public void Nominate_AfterARejection_OrForAnotherArea_OrAnotherPerson_Succeeds()
    {
        var resident = Guid.NewGuid();
        var rejected = Nominate(resident);
        rejected.Reject("材料不全", "u-worker", Now);
        var otherArea = new TerritoryReplicaNode { Id = Guid.NewGuid(), Path = NodePath + "x/", Name = "和谐社区" };

        Assert.Equal(RepresentativeStatus.InPublicity, Nominate(resident, others: [rejected]).Status);
        Assert.Equal(RepresentativeStatus.InPublicity, Nominate(resident, others: [Nominate(resident, area: otherArea)]).Status);
        Assert.Equal(RepresentativeStatus.InPublicity, Nominate(Guid.NewGuid(), others: [Nominate(resident)]).Status);
    }

    [Fact]
    public void Nominate_ANonResidentTwiceByName_IsRefused_AndAResidentsSeatNeedsAResident()
    {
        var unitDelegate = Nominate(null, "李四", seat: RepresentativeSeat.LocalUnits);

        Assert.Equal("representative.already_nominated", CodeOf(() => Nominate(null, "李四", seat: RepresentativeSeat.Invitees, others: [unitDelegate])));
        Assert.Equal(RepresentativeStatus.InPublicity, Nominate(null, "李四四", seat: RepresentativeSeat.Invitees, others: [unitDelegate]).Status);
        Assert.Equal("representative.invalid_argument", CodeOf(() => Nominate(null, "王五")));
        Assert.Equal("representative.invalid_argument", CodeOf(() => Nominate(Guid.NewGuid(), end: TermStart.AddDays(-1))));
    }

    [Fact]
    public void NominationNotice_RunsForTheObjectionPeriod_AndShowsTheNameMasked()
    {
        var nominee = Nominate(Guid.NewGuid(), "欧阳修");

        var notice = PublicNotices.Nomination(nominee, Community.Name, Now);

        Assert.Equal((NoticeKind.RepresentativeNomination, nominee.Id, Now, nominee.ObjectionsUntil), (notice.Kind, notice.SubjectId, notice.PublishedAt, notice.ExpiresAt));
        Assert.Equal(
            "欧阳*（居民代表），由党组织推荐，拟任幸福社区议事代表，任期2027年1月1日至2029年12月31日。公示期内如有异议，请登录平台对本公示提出。",
            notice.Body);
        Assert.DoesNotContain("欧阳修", notice.Title + notice.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-01-01", "2029-12-31", true)]
    [InlineData("2029-12-31", "2032-12-31", true)]
    [InlineData("2030-01-01", "2032-12-31", false)]
    [InlineData("2024-01-01", "2026-12-31", false)]
    public void Confirm_IntoTheLastSeatOfItsCategory_IsRefusedOnlyWhileTheHoldersTermsOverlap(string start, string end, bool full)
    {
        var seats = new SeatCounts { Residents = 2, LocalUnits = 1 };
        var holders = new[] { Nominate(Guid.NewGuid()), Nominate(Guid.NewGuid()) };
        foreach (var holder in holders)
        {
            holder.Confirm(0, null, seats, [], "u-worker", Now + Period);
        }

        // A unit's delegate holds a seat of another category, and a rejected nominee none.
        var unitDelegate = Nominate(null, "李四", seat: RepresentativeSeat.LocalUnits);
        unitDelegate.Confirm(0, null, seats, [], "u-worker", Now + Period);
        var rejected = Nominate(Guid.NewGuid());
        rejected.Reject("本人撤回", "u-worker", Now);
        var nominee = Nominate(Guid.NewGuid(), start: DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), end: DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        var confirm = () => nominee.Confirm(0, null, seats, [.. holders, unitDelegate, rejected], "u-worker", Now + Period);

        if (full)
        {
            var refusal = Assert.ThrowsAny<DomainException>(confirm);
            Assert.Equal(("representative.seats_full", 2, 2), (refusal.Code, (int)refusal.Facts["seats"]!, (int)refusal.Facts["taken"]!));
            Assert.Equal(RepresentativeStatus.InPublicity, nominee.Status);
        }
        else
        {
            confirm();
            Assert.Equal(RepresentativeStatus.Confirmed, nominee.Status);
        }
    }

    [Fact]
    public void SeatPlan_WithANegativeCount_OrNoSeatAtAll_IsRefused()
    {
        Assert.Equal("representative.invalid_argument", CodeOf(() => RepresentativeSeatPlan.Set(NodeId, new SeatCounts { Residents = -1, Invitees = 3 }, "u-worker", Now)));
        Assert.Equal("representative.invalid_argument", CodeOf(() => RepresentativeSeatPlan.Set(NodeId, new SeatCounts(), "u-worker", Now)));
        Assert.Equal(7, RepresentativeSeatPlan.Set(NodeId, new SeatCounts { Residents = 7 }, "u-worker", Now).Seats.Of(RepresentativeSeat.Residents));
    }
}
