using Platform.Districts.Contracts;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Demands;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Deliberation;

public sealed class TopicDecisionTests
{
    private static Topic OnAgenda(IReadOnlyCollection<Guid>? linked = null)
    {
        var topic = Topic.Raise(
            TenantId, "楼道照明改造", "", "公共设施", NodeId, NodePath, TerritoryNodeKind.Compound, null,
            linked is null ? TopicOrigin.Raised : TopicOrigin.Demands, linked ?? [], 1, Clerk, Now);
        topic.Classify(TopicKind.SelfGovernance, TopicScale.Shared, null, "T1", Sla, Clerk, Now);
        topic.Support(false, new DemandActor("r1", null), Now);
        return topic;
    }

    private static Topic Voted(DecisionRule rule, int electorate, params BallotChoice[] choices)
    {
        var topic = OnAgenda();
        topic.OpenVote(Electorate.Residents, rule, electorate, Clerk, Now);
        foreach (var choice in choices)
        {
            topic.CastBallot(Guid.NewGuid(), Guid.NewGuid(), false, choice, BallotChannel.Paper, Clerk, Now);
        }

        return topic;
    }

    private static Topic InExecution(IReadOnlyCollection<Guid>? linked = null)
    {
        var topic = OnAgenda(linked);
        topic.OpenVote(Electorate.Households, DecisionRule.SimpleMajority, 3, Clerk, Now);
        topic.CastBallot(Guid.NewGuid(), Guid.NewGuid(), false, BallotChoice.Yes, BallotChannel.Online, Clerk, Now);
        topic.CloseVote(Clerk, Now);
        topic.AssignTask(TaskAssigneeType.SocialOrganisation, "so-1", "每层楼道灯全部可用，声控灵敏", 8000m, new DateOnly(2027, 3, 1), Clerk, Now);
        return topic;
    }

    [Fact]
    public void OpenVote_OnTheAgenda_StartsTheVote_AndRefusesAnEmptyElectorate()
    {
        Assert.Equal(TopicProblemCodes.EmptyElectorate,
            Assert.Throws<TopicRuleException>(() => OnAgenda().OpenVote(Electorate.Residents, DecisionRule.SimpleMajority, 0, Clerk, Now)).Code);

        var topic = OnAgenda();
        topic.OpenVote(Electorate.Residents, DecisionRule.TwoThirds, 12, Clerk, Now);
        Assert.Equal((TopicStatus.Voting, 12), (topic.Status, topic.ElectorateSize));
        Assert.Equal([TopicAction.Ballot, TopicAction.Close], topic.AllowedActions);
    }

    [Fact]
    public void CastBallot_SecondBallotOfTheSameVoter_IsRefusedWhateverTheChannel_AndCountsNothing()
    {
        var topic = Voted(DecisionRule.SimpleMajority, 5, BallotChoice.Yes);
        var refused = Assert.Throws<TopicRuleException>(() =>
            topic.CastBallot(Guid.NewGuid(), Guid.NewGuid(), true, BallotChoice.No, BallotChannel.Online, Clerk, Now));
        Assert.Equal(TopicProblemCodes.AlreadyVoted, refused.Code);
        Assert.Equal(new DecisionTally(1, 0, 0, 5), topic.Tally);
    }

    [Theory]
    [InlineData(DecisionRule.SimpleMajority, TopicStatus.Adopted)] // 3 yes of 5 cast
    [InlineData(DecisionRule.AbsoluteMajority, TopicStatus.Rejected)] // 3 yes of an electorate of 7: 6 > 7 fails
    [InlineData(DecisionRule.TwoThirds, TopicStatus.Rejected)] // 9 < 10
    public void CloseVote_DecidesByTheRule(DecisionRule rule, TopicStatus outcome)
    {
        var topic = Voted(rule, 7, BallotChoice.Yes, BallotChoice.Yes, BallotChoice.Yes, BallotChoice.No, BallotChoice.Abstain);
        Assert.Equal(outcome == TopicStatus.Adopted, topic.CloseVote(Clerk, Now.AddDays(1)));
        Assert.Equal((outcome, (DateTimeOffset?)Now.AddDays(1)), (topic.Status, topic.DecidedAt));
        Assert.Equal("3/1/1 of 7", topic.History[^1].Details);
    }

    [Fact]
    public void AssignTask_WithoutAcceptanceCriteria_IsRefused()
    {
        var topic = Voted(DecisionRule.SimpleMajority, 1, BallotChoice.Yes);
        topic.CloseVote(Clerk, Now);
        var refused = Assert.Throws<TopicRuleException>(() => topic.AssignTask(TaskAssigneeType.Community, "c-1", " ", null, null, Clerk, Now));
        Assert.Equal(TopicProblemCodes.InvalidArgument, refused.Code);
        Assert.Equal(TopicStatus.Adopted, topic.Status);
    }

    [Fact]
    public void Supervise_ProgressAndInspection_AreLoggedWithEvidence_AndKeepTheStatus()
    {
        var topic = InExecution();
        topic.Supervise(TopicAction.Progress, "已更换3层灯具", ["photo-1.jpg"], Clerk, Now);
        topic.Supervise(TopicAction.Inspect, "现场检查：3层正常", null, new DemandActor("u-supervisor", "监督员"), Now);
        Assert.Equal(TopicStatus.InExecution, topic.Status);
        Assert.Equal(("progress", "已更换3层灯具", "photo-1.jpg"), (topic.History[^2].Action, topic.History[^2].Note, Assert.Single(topic.History[^2].Attachments)));
        Assert.Equal(("inspect", "u-supervisor"), (topic.History[^1].Action, topic.History[^1].ActorId));
        Assert.Throws<TopicRuleException>(() => topic.Supervise(TopicAction.Progress, "", null, Clerk, Now));
    }

    [Fact]
    public void CompleteTask_TellsEveryLinkedDemand_AndOpensTheRating()
    {
        var demands = new[] { File(), File() };
        var topic = InExecution([.. demands.Select(d => d.Id)]);

        topic.CompleteTask("全部完工", ["acceptance.pdf"], demands, Clerk, Now.AddDays(30));

        Assert.Equal(TopicStatus.Completed, topic.Status);
        Assert.Equal([TopicAction.Rate], topic.AllowedActions);
        Assert.All(demands, d => Assert.Equal(
            (DemandHistoryEntry.TopicCompleted, topic.Id.ToString(), DemandStatus.Received),
            (d.History[^1].Action, d.History[^1].Details, d.Status)));
        Assert.Throws<ArgumentException>(() => InExecution().CompleteTask("完工", null, [File()], Clerk, Now));
    }

    [Fact]
    public void Rate_OncePerResident_OneToFive_GivesTheAverage()
    {
        var topic = InExecution();
        topic.CompleteTask("完工", null, [], Clerk, Now);
        Assert.Equal(TopicProblemCodes.InvalidScore, Assert.Throws<TopicRuleException>(() => topic.Rate(6, false, Clerk, Now)).Code);
        topic.Rate(5, false, new DemandActor("r1", null), Now);
        topic.Rate(4, false, new DemandActor("r2", null), Now);
        topic.Rate(4, false, new DemandActor("r3", null), Now);
        Assert.Equal(TopicProblemCodes.AlreadyRated, Assert.Throws<TopicRuleException>(() => topic.Rate(1, true, new DemandActor("r1", null), Now)).Code);
        Assert.Equal((3, 4.33m), (topic.RatingCount, topic.AverageRating));
    }
}
