using CsCheck;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Domain.Projects;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Tests;

/// <summary>Projects on the domain: plans, activity reports against milestones, links, calls for volunteers, and the copy of the residents' needs.</summary>
public sealed class ProjectTests
{
    private static readonly DateOnly StartsOn = new(2027, 3, 1);
    private static readonly DateOnly EndsOn = new(2027, 12, 31);
    private static readonly DateTimeOffset Now = new(2027, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    private static Organisation Organisation()
    {
        var id = Guid.NewGuid();
        var home = new TerritoryReplicaNode { Id = id, Kind = TerritoryNodeKind.Community, Code = "C", Name = "社区", Path = TerritoryPath.Of(null, id) };
        return Domain.Organisation.Enter("邻里互助会", OrganisationKind.MutualAid, home, [], [], 10, 0, [], Now.AddYears(-1));
    }

    private static ProjectPlan Plan(DateOnly? secondDue = null) => new(
        "楼道微更新", ServiceCategory.MutualAid, "老旧楼道的清理与美化", 120, StartsOn, EndsOn,
        [new Milestone("完成 3 栋楼清理", secondDue ?? new DateOnly(2027, 9, 30)), new Milestone("居民议事确定方案", new DateOnly(2027, 4, 30))]);

    private static Project SelfRun() => Project.SelfRun(Organisation(), Plan(), NeedLinks.None, "member", Now.AddMonths(-4));

    private static ActivityReportContent Activity(int milestone = 1, DateOnly? heldOn = null, int served = 30, IReadOnlyList<string>? evidence = null) =>
        new(milestone, "楼道议事会", heldOn ?? new DateOnly(2027, 4, 20), "3 号楼一层", served, evidence ?? ["files/sign-in-0420.pdf"]);

    [Fact]
    public void SelfRun_NumbersTheMilestonesByDueDate_AndRefusesAPlanOutsideItsDates()
    {
        var project = SelfRun();

        Assert.Equal([(1, "居民议事确定方案"), (2, "完成 3 栋楼清理")], project.Milestones.Select(m => (m.Number, m.Title)));
        Assert.Equal(ProjectFunding.SelfRun, project.Funding);
        var late = Refused(() => Project.SelfRun(Organisation(), Plan(secondDue: EndsOn.AddDays(1)), NeedLinks.None, "member", Now));
        Assert.Equal((ProjectErrors.InvalidProject, "milestones"), (late.Error, late.Field));
        var backwards = Refused(() => Project.SelfRun(Organisation(), Plan() with { EndsOn = StartsOn.AddDays(-1) }, NeedLinks.None, "member", Now));
        Assert.Equal((ProjectErrors.InvalidProject, "endsOn"), (backwards.Error, backwards.Field));
    }

    [Fact]
    public void Report_CountsTowardsItsMilestone_AndRefusesAnUnknownMilestoneAFutureDateOrMissingEvidence()
    {
        var project = SelfRun();

        project.Report(Activity(1, served: 30), "member", Now);
        project.Report(Activity(1, new DateOnly(2027, 4, 27), served: 25), "member", Now);
        project.Report(Activity(2, new DateOnly(2027, 6, 14), served: 0), "member", Now);

        Assert.Equal([(1, 2, 55, (DateOnly?)new DateOnly(2027, 4, 27)), (2, 1, 0, new DateOnly(2027, 6, 14))],
            project.Progress().Select(p => (p.Milestone.Number, p.Activities, p.BeneficiariesServed, p.LastHeldOn)));
        Assert.Equal(55, project.BeneficiariesServed);
        Assert.Equal([1, 2, 3], project.Reports.Select(r => r.Number));
        Assert.Equal("milestoneNumber", Refused(() => project.Report(Activity(3), "member", Now)).Field);
        Assert.Equal("heldOn", Refused(() => project.Report(Activity(heldOn: new DateOnly(2027, 6, 16)), "member", Now)).Field);
        Assert.Equal("heldOn", Refused(() => project.Report(Activity(heldOn: StartsOn.AddDays(-1)), "member", Now)).Field);
        Assert.Equal("evidence", Refused(() => project.Report(Activity(evidence: []), "member", Now)).Field);
        Assert.Equal("beneficiariesServed", Refused(() => project.Report(Activity(served: -1), "member", Now)).Field);
        Assert.Equal(3, project.Reports.Count);
    }

    [Fact]
    public void Funded_TakesTheProposalsMilestonesAndLinks_AndRunsUntilTheLastTrancheIsDue()
    {
        var contract = ContractTests.Signed();
        var (_, proposal, _) = PanelTests.Arrange();

        Assert.Throws<ArgumentException>(() => Project.Funded(contract, proposal, Now));
        var (panel, awarded, organisation) = PanelTests.Arrange("甲", "乙");
        panel.Score("甲", awarded, PanelTests.Scores(4, 4), PanelTests.Reviewing);
        panel.Score("乙", awarded, PanelTests.Scores(3, 3), PanelTests.Reviewing);
        panel.PublishAwards([awarded], PanelTests.Reviewing);
        var signed = GrantContract.Sign(panel, awarded, organisation,
            new ContractTerms(new ContractParty("评估中心", null), "评估员", new DateOnly(2027, 4, 10), [30, 40, 30], new DateOnly(2027, 7, 1), new DateOnly(2027, 10, 1)), "funder", Now);

        var project = Project.Funded(signed, awarded, Now);

        Assert.Equal((ProjectFunding.Funded, signed.Id, awarded.Id, organisation.Id), (project.Funding, project.ContractId, project.ProposalId, project.OrganisationId));
        Assert.Equal((new DateOnly(2027, 4, 10), new DateOnly(2027, 10, 1)), (project.StartsOn, project.EndsOn));
        Assert.Equal([(1, "完成", new DateOnly(2027, 6, 1))], project.Milestones.Select(m => (m.Number, m.Title, m.DueOn)));
        Assert.Equal((awarded.Title, awarded.Beneficiaries), (project.Title, project.BeneficiariesTargeted));
    }

    [Fact]
    public void Link_KeepsEachLinkOnce_AndRefusesTooManyOrAHotSpotWithoutCategory()
    {
        var project = SelfRun();
        var demand = Guid.NewGuid();
        var grid = Guid.NewGuid();

        project.Link(new NeedLinks([demand, demand], [Guid.NewGuid()], [new HotSpotLink(grid, " 环境卫生 "), new HotSpotLink(grid, "环境卫生")]), Now);

        Assert.Equal([demand], project.Links.DemandIds);
        Assert.Equal([new HotSpotLink(grid, "环境卫生")], project.Links.HotSpots);
        Assert.Equal("demandIds", Refused(() => project.Link(new NeedLinks([.. Enumerable.Range(0, 31).Select(_ => Guid.NewGuid())], [], []), Now)).Field);
        Assert.Equal("hotSpots", Refused(() => project.Link(new NeedLinks([], [], [new HotSpotLink(grid, " ")]), Now)).Field);
        Assert.Equal([demand], project.Links.DemandIds);
    }

    [Fact]
    public void RecruitVolunteers_NeedsAFutureShiftOfAtMostADayInsideTheProject_AndNothingAfterItEnded()
    {
        var project = SelfRun();
        RecruitmentContent Shift(DateTimeOffset startsAt, TimeSpan length, int volunteers = 10) =>
            new("楼道清理志愿者", VolunteerWork.Other, Guid.NewGuid(), "3 号楼", startsAt, startsAt + length, volunteers);

        var recruitment = project.RecruitVolunteers(Shift(Now.AddDays(3), TimeSpan.FromHours(3)), "member", Now);

        Assert.Equal(("member", 10), (recruitment.RequestedBy, recruitment.Volunteers));
        Assert.Single(project.Recruitments);
        Assert.Equal("startsAt", Refused(() => project.RecruitVolunteers(Shift(Now.AddHours(-1), TimeSpan.FromHours(2)), "member", Now)).Field);
        Assert.Equal("endsAt", Refused(() => project.RecruitVolunteers(Shift(Now.AddDays(1), TimeSpan.FromHours(25)), "member", Now)).Field);
        Assert.Equal("volunteers", Refused(() => project.RecruitVolunteers(Shift(Now.AddDays(1), TimeSpan.FromHours(2), 0), "member", Now)).Field);
        Assert.Equal("startsAt", Refused(() => project.RecruitVolunteers(Shift(new DateTimeOffset(2028, 1, 1, 9, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromHours(2)), "member", Now)).Field);
        var afterTheEnd = new DateTimeOffset(2028, 1, 2, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(ProjectErrors.ProjectEnded, Refused(() => project.RecruitVolunteers(Shift(afterTheEnd.AddDays(1), TimeSpan.FromHours(2)), "member", afterTheEnd)).Error);
        Assert.Single(project.Recruitments);
    }

    /// <summary>The residents service's demand events, each a step at a time, delivered in any order and any number of times.</summary>
    [Fact]
    public void ResidentDemand_InAnyOrderOfDelivery_EndsAtTheLatestStep()
    {
        var start = new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var step = Gen.Select(Gen.Enum<DemandProgress>(), Gen.Int[0, 20]).Select(s => (Status: s.Item1, At: start.AddMinutes(s.Item2)));
        Gen.Select(step.List[1, 8], Gen.Int.Array[16]).Sample(sample =>
        {
            var (history, keys) = sample;
            // Every step delivered at least once, some twice, shuffled by the generated keys.
            var deliveries = history.Concat(history.Where((_, i) => keys[i] % 2 == 0))
                .Select((delivery, i) => (Delivery: delivery, Key: keys[i])).OrderBy(d => d.Key).Select(d => d.Delivery).ToList();
            var demand = ResidentDemand.FirstHeard(Guid.NewGuid(), deliveries[0].Status, deliveries[0].At);
            foreach (var (status, at) in deliveries.Skip(1))
            {
                demand.Moved(status, at);
            }

            var latest = history.MaxBy(s => (s.At, s.Status));
            return (demand.Status, demand.StatusAt) == (latest.Status, latest.At);
        });
    }

    [Fact]
    public void ResidentDemand_FiledLate_KeepsTheLaterStep_AndFillsInTheDetails()
    {
        var at = new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var node = Guid.NewGuid();
        var demand = ResidentDemand.FirstHeard(Guid.NewGuid(), DemandProgress.Closed, at.AddHours(5));
        demand.Moved(DemandProgress.Closed, at.AddHours(5), "satisfied");

        demand.Filed("12345-0001", "环境卫生", node, at);

        Assert.Equal((DemandProgress.Closed, "satisfied", "12345-0001", (Guid?)node, false), (demand.Status, demand.Satisfaction, demand.TrackingNumber, demand.NodeId, demand.IsOpen));
    }
}
