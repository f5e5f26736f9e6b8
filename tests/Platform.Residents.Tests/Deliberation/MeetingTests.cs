using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Demands;
using Platform.Residents.Domain.Notices;
using Platform.TerritoryReplica;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Deliberation;

/// <summary>A meeting's rules with the clock in the test's hands: the notice period, the agenda, the quorum, and resolutions resting on decided votes.</summary>
public sealed class MeetingTests
{
    private static readonly TimeSpan NoticePeriod = TimeSpan.FromDays(3);
    private static readonly TerritoryReplicaNode Compound = new() { Id = NodeId, Path = NodePath, Name = "幸福小区", Kind = TerritoryNodeKind.Compound };
    private static readonly MeetingTypeRule Hall = new() { Roll = MeetingRoll.Representatives, Quorum = QuorumRule.MoreThanHalf };
    private static readonly DateTimeOffset Start = Now + NoticePeriod;

    private static Topic OnAgenda(string title = "楼道照明改造")
    {
        var topic = Topic.Raise(TenantId, title, "", "公共设施", NodeId, NodePath, TerritoryNodeKind.Compound, null, TopicOrigin.Raised, [], 1, Clerk, Now);
        topic.Classify(TopicKind.SelfGovernance, TopicScale.Shared, null, "T1", Sla, Clerk, Now);
        topic.Support(false, new DemandActor("r1", null), Now);
        return topic;
    }

    private static Meeting Convene(IReadOnlyList<Topic> agenda, MeetingTypeRule? type = null, DateTimeOffset? startsAt = null) =>
        Meeting.Convene(Compound, "议事厅", type ?? Hall, "三季度议事会", startsAt ?? Start, "社区活动室", null, agenda, NoticePeriod, "u-worker", Now);

    private static string CodeOf(Action action) => Assert.ThrowsAny<DomainException>(action).Error.Code;

    [Theory]
    [InlineData(QuorumRule.MoreThanHalf, 3, 6, false)]
    [InlineData(QuorumRule.MoreThanHalf, 4, 6, true)]
    [InlineData(QuorumRule.MoreThanHalf, 2, 3, true)]
    [InlineData(QuorumRule.TwoThirds, 3, 5, false)]
    [InlineData(QuorumRule.TwoThirds, 4, 6, true)]
    [InlineData(QuorumRule.TwoThirds, 0, 0, false)]
    [InlineData(QuorumRule.None, 0, 0, true)]
    public void QuorumMet_CountsAttendanceAgainstTheRoll(QuorumRule rule, int attending, int roll, bool met) =>
        Assert.Equal(met, Meeting.QuorumMet(rule, attending, roll));

    [Fact]
    public void Convene_SoonerThanTheNoticePeriod_OrWithATopicNotOnTheAgenda_IsRefused()
    {
        Assert.Equal("meeting.notice_too_short", CodeOf(() => Convene([OnAgenda()], startsAt: Start - TimeSpan.FromMinutes(1))));
        var raised = Topic.Raise(TenantId, "未分类议题", "", "公共设施", NodeId, NodePath, TerritoryNodeKind.Compound, null, TopicOrigin.Raised, [], 1, Clerk, Now);
        Assert.Equal("meeting.topic_not_on_agenda", CodeOf(() => Convene([raised])));
        Assert.Equal("meeting.invalid_argument", CodeOf(() => Convene([])));
        Assert.Equal("meeting.invalid_argument", CodeOf(() => Meeting.Convene(Compound, "议事厅", Hall, "无地点", Start, null, null, [OnAgenda()], NoticePeriod, "u-worker", Now)));
        var grid = new TerritoryReplicaNode { Id = NodeId, Path = NodePath, Name = "网格", Kind = TerritoryNodeKind.Grid };
        Assert.Equal("meeting.invalid_argument", CodeOf(() => Meeting.Convene(grid, "议事厅", Hall, "网格会", Start, "活动室", null, [OnAgenda()], NoticePeriod, "u-worker", Now)));

        var meeting = Convene([OnAgenda()]);
        Assert.Equal((MeetingStatus.Convened, TopicLevel.Compound, MeetingRoll.Representatives, QuorumRule.MoreThanHalf), (meeting.Status, meeting.Level, meeting.Roll, meeting.Quorum));
    }

    [Fact]
    public void Open_BeforeTheStart_OrShortOfTheQuorum_IsRefused_AndAnAttendeeCountsOnce()
    {
        var meeting = Convene([OnAgenda()]);
        meeting.RecordAttendance(Guid.NewGuid(), null, false, "u-worker", Now);
        Assert.Equal("meeting.already_attending", CodeOf(() => meeting.RecordAttendance(Guid.NewGuid(), null, true, "u-worker", Now)));

        Assert.Equal("meeting.not_started", CodeOf(() => meeting.Open(3, Start - TimeSpan.FromSeconds(1))));
        var refusal = Assert.ThrowsAny<DomainException>(() => meeting.Open(3, Start));
        Assert.Equal(("meeting.quorum_not_met", 1, 3), (refusal.Code, (int)refusal.Facts["attendance"]!, (int)refusal.Facts["rollSize"]!));

        meeting.RecordAttendance(Guid.NewGuid(), Guid.NewGuid(), false, "u-worker", Now);
        meeting.Open(3, Start);
        Assert.Equal((MeetingStatus.InSession, 2, 3), (meeting.Status, meeting.Attendance, meeting.RollSize));
        Assert.Equal("meeting.invalid_transition", CodeOf(() => meeting.Cancel("改期", Start)));
    }

    [Fact]
    public void Close_TakesEachResolutionsTallyFromItsDecidedVote_AndKeepsTheMinorityOpinions()
    {
        var (decided, pending) = (OnAgenda(), OnAgenda("增设充电桩"));
        var open = Meeting.Convene(Compound, "恳谈会", new MeetingTypeRule { Roll = MeetingRoll.Open, Quorum = QuorumRule.MoreThanHalf }, "恳谈会", Start, null, "https://meeting.example/1", [decided, pending], NoticePeriod, "u-worker", Now);
        Assert.Equal(QuorumRule.None, open.Quorum);
        open.Open(0, Start);
        decided.OpenVote(Electorate.Representatives, DecisionRule.SimpleMajority, 5, Clerk, Start);
        foreach (var choice in new[] { BallotChoice.Yes, BallotChoice.Yes, BallotChoice.Yes, BallotChoice.No, BallotChoice.Abstain })
        {
            decided.CastBallot(Guid.NewGuid(), null, false, choice, BallotChannel.Paper, Clerk, Start);
        }

        decided.CloseVote(Clerk, Start);
        var speakers = new[] { new MeetingSpeaker("王建国", SpeakerRole.Proposer, decided.Id, "照明不足影响老人出行"), new MeetingSpeaker("李华", SpeakerRole.Opponent, decided.Id, "费用偏高") };

        Assert.Equal("meeting.vote_not_decided", CodeOf(() => open.Close("纪要", speakers, [], [(pending.Id, "暂缓")], [decided, pending], Start)));
        Assert.Equal("meeting.vote_not_decided", CodeOf(() => open.Close("纪要", speakers, [], [(Guid.NewGuid(), "无关")], [decided, pending], Start)));
        Assert.Equal("meeting.invalid_argument", CodeOf(() => open.Close(" ", speakers, [], [], [decided, pending], Start)));
        open.Close("与会居民讨论照明改造方案。", speakers, ["建议分期实施，先改造高层楼道"], [(decided.Id, "同意实施楼道照明改造")], [decided, pending], Start);

        Assert.Equal(MeetingStatus.Closed, open.Status);
        Assert.Equal(new MeetingResolution(decided.Id, "同意实施楼道照明改造", true, 3, 1, 1, 5), Assert.Single(open.Resolutions));
        var notice = PublicNotices.MeetingMinutes(open, [decided, pending], TimeSpan.FromDays(7), "u-worker", Start);
        Assert.Equal(
            "恳谈会“恳谈会”于2026年11月27日 08:00召开，到会0人。\n决议（楼道照明改造）：同意实施楼道照明改造（同意3票，反对1票，弃权1票，通过）\n少数意见：建议分期实施，先改造高层楼道",
            notice.Body);
        Assert.DoesNotContain("王建国", notice.Body, StringComparison.Ordinal);
    }
}
