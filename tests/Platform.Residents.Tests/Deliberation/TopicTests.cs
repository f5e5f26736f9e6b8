using Platform.Districts.Contracts;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Demands;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Deliberation;

public sealed class TopicTests
{
    private static readonly DemandActor Resident = new("u-resident", null);

    private static Topic Raise(int threshold = 3, TopicOrigin origin = TopicOrigin.Raised, IReadOnlyCollection<Guid>? linked = null) =>
        Topic.Raise(
            TenantId, "加装电梯", "3号楼老人多，希望加装电梯。", "加装电梯", NodeId, NodePath, TerritoryNodeKind.Building, null, origin,
            linked ?? [], threshold, Clerk, Now);

    private static Topic Collecting(int threshold = 3)
    {
        var topic = Raise(threshold);
        topic.Classify(TopicKind.SelfGovernance, TopicScale.Shared, null, "T1", Sla, Clerk, Now);
        return topic;
    }

    [Theory]
    [InlineData(TerritoryNodeKind.Street, TopicLevel.Street)]
    [InlineData(TerritoryNodeKind.Town, TopicLevel.Street)]
    [InlineData(TerritoryNodeKind.Village, TopicLevel.Community)]
    [InlineData(TerritoryNodeKind.Community, TopicLevel.Community)]
    [InlineData(TerritoryNodeKind.Compound, TopicLevel.Compound)]
    [InlineData(TerritoryNodeKind.Building, TopicLevel.Building)]
    [InlineData(TerritoryNodeKind.Grid, null)]
    [InlineData(TerritoryNodeKind.Unit, null)]
    public void LevelOf_NodeKind_IsTheLevelOfDeliberation(TerritoryNodeKind kind, TopicLevel? level) => Assert.Equal(level, Topic.LevelOf(kind));

    [Fact]
    public void Raise_ValidTopic_WaitsForClassification()
    {
        var topic = Raise();
        Assert.Equal((TopicStatus.Raised, TopicLevel.Building, 0, 3), (topic.Status, topic.Level, topic.SupportCount, topic.SupportThreshold));
        Assert.Equal([TopicAction.Classify], topic.AllowedActions);
        Assert.Equal(TopicHistoryEntry.Raised, Assert.Single(topic.History).Action);
    }

    [Fact]
    public void Raise_LinksThatDoNotFitTheOrigin_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => Raise(origin: TopicOrigin.Hotspot));
        Assert.Throws<ArgumentException>(() => Raise(origin: TopicOrigin.Raised, linked: [Guid.NewGuid()]));
        Assert.Throws<ArgumentException>(() => Topic.Raise(
            TenantId, "t", "", "c", NodeId, NodePath, TerritoryNodeKind.Grid, null, TopicOrigin.Raised, [], 3, Clerk, Now));
    }

    [Fact]
    public void Raise_SameDemandTwice_LinksItOnce()
    {
        var demand = Guid.NewGuid();
        Assert.Equal([demand], Raise(origin: TopicOrigin.Demands, linked: [demand, demand]).LinkedDemandIds);
    }

    [Fact]
    public void Classify_SharedMatter_GathersSupport()
    {
        var topic = Raise();
        Assert.Null(topic.Classify(TopicKind.SelfGovernance, TopicScale.Shared, null, "T1", Sla, Clerk, Now));
        Assert.Equal((TopicStatus.Collecting, TopicKind.SelfGovernance, TopicScale.Shared), (topic.Status, topic.Kind, topic.Scale));
        Assert.Equal([TopicAction.Support], topic.AllowedActions);
    }

    [Fact]
    public void Classify_MajorMatter_IsHandedToTheStreetAsADemandOfChannelDeliberation()
    {
        var topic = Raise();
        var demand = topic.Classify(TopicKind.AssistingGovernment, TopicScale.Major, null, "2611240001", Sla, Clerk, Now.AddHours(1));

        Assert.NotNull(demand);
        Assert.Equal((TopicStatus.Referred, demand.Id), (topic.Status, topic.ReferredDemandId));
        Assert.Equal(
            (DemandChannel.Deliberation, DemandStatus.Received, topic.Title, topic.Category, NodeId, NodePath, "2611240001"),
            (demand.Channel, demand.Status, demand.Title, demand.Category, demand.NodeId, demand.NodePath, demand.TrackingNumber));
        Assert.Empty(topic.AllowedActions);
    }

    [Fact]
    public void Classify_PrivateMatter_IsDismissedWithItsReason_AndNeedsOne()
    {
        var refused = Assert.Throws<TopicRuleException>(() => Raise().Classify(TopicKind.SelfGovernance, TopicScale.Private, " ", "T1", Sla, Clerk, Now));
        Assert.Equal(TopicProblemCodes.ReasonRequired, refused.Code);

        var topic = Raise();
        Assert.Null(topic.Classify(TopicKind.SelfGovernance, TopicScale.Private, " 属于住户自家漏水，请联系物业维修。 ", "T1", Sla, Clerk, Now));
        Assert.Equal((TopicStatus.Dismissed, "属于住户自家漏水，请联系物业维修。"), (topic.Status, topic.DismissalReason));
    }

    [Fact]
    public void Classify_Twice_IsRefusedWithWhatTheTopicAllows()
    {
        var topic = Collecting();
        var refused = Assert.Throws<TopicRuleException>(() => topic.Classify(TopicKind.SelfGovernance, TopicScale.Major, null, "T2", Sla, Clerk, Now));
        Assert.Equal(TopicProblemCodes.InvalidTransition, refused.Code);
        Assert.Equal(new[] { "support" }, refused.Facts["allowedActions"]);
        Assert.Equal("collecting", refused.Facts["topicStatus"]);
    }

    [Fact]
    public void Support_ReachingTheThreshold_PutsTheTopicOnTheAgenda()
    {
        var topic = Collecting(threshold: 3);
        topic.Support(false, new DemandActor("r1", null), Now.AddMinutes(1));
        topic.Support(false, new DemandActor("r2", null), Now.AddMinutes(2));
        Assert.Equal((TopicStatus.Collecting, 2, (DateTimeOffset?)null), (topic.Status, topic.SupportCount, topic.OnAgendaAt));

        var third = topic.Support(false, new DemandActor("r3", null), Now.AddMinutes(3));

        Assert.Equal((TopicStatus.OnAgenda, 3, (DateTimeOffset?)Now.AddMinutes(3)), (topic.Status, topic.SupportCount, topic.OnAgendaAt));
        Assert.Equal(("r3", topic.Id), (third.UserId, third.TopicId));
        Assert.Equal(("support", "3/3"), (topic.History[^1].Action, topic.History[^1].Details));
        var late = Assert.Throws<TopicRuleException>(() => topic.Support(false, new DemandActor("r4", null), Now.AddMinutes(4)));
        Assert.Equal(TopicProblemCodes.InvalidTransition, late.Code);
    }

    [Fact]
    public void Support_SecondTimeBySameResident_IsRefusedAndCountsNothing()
    {
        var topic = Collecting();
        topic.Support(false, Resident, Now);
        var refused = Assert.Throws<TopicRuleException>(() => topic.Support(true, Resident, Now));
        Assert.Equal(TopicProblemCodes.AlreadySupported, refused.Code);
        Assert.Equal(1, topic.SupportCount);
    }

    [Fact]
    public void Support_BeforeClassification_IsRefused() =>
        Assert.Equal(TopicProblemCodes.InvalidTransition, Assert.Throws<TopicRuleException>(() => Raise().Support(false, Resident, Now)).Code);
}
