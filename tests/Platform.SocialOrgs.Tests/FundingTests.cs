using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Tests;

/// <summary>Funding calls and proposals on the entities: the window, eligibility and the budget, with a clock the test sets.</summary>
public sealed class FundingTests
{
    private static readonly DateTimeOffset Opens = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Closes = Opens.AddDays(30);
    private static readonly DateTimeOffset During = Opens.AddDays(10);

    private static readonly Rubric Rubric = Rubric.Create("评审量表", [("需求契合", 2m), ("可行性", 1m)], 1, 2, 3, 3, Opens.AddDays(-30));

    private static CallTerms Terms(decimal budget = 100_000m, int exitBarDays = 365, OrganisationStatus minimum = OrganisationStatus.Filed) =>
        new("2027年东街道公益创投", FunderKind.StreetUnit, "东街道办事处", null, budget, [ServiceCategory.Elderly, ServiceCategory.Children], minimum, exitBarDays);

    private static FundingCall Call(int exitBarDays = 365, OrganisationStatus minimum = OrganisationStatus.Filed) =>
        FundingCall.Open(Terms(exitBarDays: exitBarDays, minimum: minimum), Opens, Closes, Rubric, "funder", Opens.AddDays(-1));

    private static Organisation Organisation(bool filed = true)
    {
        var id = Guid.NewGuid();
        var home = new TerritoryReplicaNode { Id = id, Kind = TerritoryNodeKind.Community, Code = "C", Name = "社区", Path = TerritoryPath.Of(null, id) };
        var organisation = Domain.Organisation.Enter("邻里互助会", OrganisationKind.MutualAid, home, [], [], 10, 0, [], Opens.AddYears(-2));
        if (filed)
        {
            organisation.File(Opens.AddYears(-2));
        }

        return organisation;
    }

    private static ProposalContent Content(decimal amount = 30_000m, params BudgetLine[] lines) => new(
        "独居老人探访", ServiceCategory.Elderly, "东一社区独居老人缺少日常探访。", [Guid.NewGuid()], [], [], 40, "独居老人", amount,
        lines.Length > 0 ? lines : [new BudgetLine("活动物料", 12_000m), new BudgetLine("志愿者培训", 18_000m)],
        [new Milestone("完成 20 户入户探访", new DateOnly(2027, 6, 30)), new Milestone("建立探访台账", new DateOnly(2027, 5, 1))]);

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void Open_WithAWindowThatClosesBeforeItOpens_IsRefused()
    {
        var refusal = Refused(() => FundingCall.Open(Terms(), Closes, Opens, Rubric, "funder", Opens.AddDays(-1)));
        Assert.Equal((FundingErrors.InvalidCall, "closesAt"), (refusal.Error, refusal.Field));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1000.005")]
    public void Open_WithABudgetThatIsNotPositiveYuanToTheFen_IsRefused(string budget)
    {
        var refusal = Refused(() => FundingCall.Open(Terms(decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture)), Opens, Closes, Rubric, "f", Opens));
        Assert.Equal((FundingErrors.InvalidCall, "budget"), (refusal.Error, refusal.Field));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(FundingCall.MaxExitBarDays + 1)]
    public void Open_WithAnExitBarOffTheRange_IsRefused(int days)
    {
        var refusal = Refused(() => FundingCall.Open(Terms(exitBarDays: days), Opens, Closes, Rubric, "funder", Opens.AddDays(-1)));
        Assert.Equal((FundingErrors.InvalidCall, "exitBarDays"), (refusal.Error, refusal.Field));
    }

    [Fact]
    public void PhaseAt_MovesFromUpcomingToOpenToClosed_AtTheWindowsEdges()
    {
        var call = Call();
        Assert.Equal(
            [CallPhase.Upcoming, CallPhase.Open, CallPhase.Open, CallPhase.Closed],
            new[] { Opens.AddTicks(-1), Opens, Closes.AddTicks(-1), Closes }.Select(call.PhaseAt));
    }

    [Fact]
    public void Draft_ByAFiledOrganisationInTheWindow_IsADraftWithMilestonesByDueDate()
    {
        var proposal = Proposal.Draft(Call(), Organisation(), [], Content(), "member", During);

        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Equal(30_000m, proposal.Amount);
        Assert.Equal([new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 30)], proposal.Milestones.Select(m => m.DueOn));
        Assert.Null(proposal.SubmittedAt);
    }

    [Fact]
    public void Draft_WithBudgetLinesThatDoNotAddUpToTheAmount_IsRefused()
    {
        var refusal = Refused(() => Proposal.Draft(Call(), Organisation(), [], Content(30_000m, new BudgetLine("物料", 12_000m), new BudgetLine("培训", 17_999.99m)), "m", During));

        Assert.Equal((FundingErrors.InvalidProposal, "budgetLines"), (refusal.Error, refusal.Field));
        Assert.Contains("29999.99", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_InACategoryTheCallDoesNotFund_IsRefused() =>
        Assert.Equal(FundingErrors.CategoryNotInCall, Refused(() => Proposal.Draft(Call(), Organisation(), [], Content() with { Category = ServiceCategory.Culture }, "m", During)).Error);

    [Fact]
    public void Draft_BeforeOrAfterTheWindow_IsRefused()
    {
        Assert.Equal(FundingErrors.CallNotYetOpen, Refused(() => Proposal.Draft(Call(), Organisation(), [], Content(), "m", Opens.AddMinutes(-1))).Error);
        Assert.Equal(FundingErrors.CallWindowClosed, Refused(() => Proposal.Draft(Call(), Organisation(), [], Content(), "m", Closes)).Error);
    }

    [Fact]
    public void Draft_ByAnUnregisteredOrganisation_IsNotEligible_UnlessTheCallTakesThem()
    {
        Assert.Equal(FundingErrors.NotEligible, Refused(() => Proposal.Draft(Call(), Organisation(filed: false), [], Content(), "m", During)).Error);
        Assert.Equal(ProposalStatus.Draft, Proposal.Draft(Call(minimum: OrganisationStatus.Unregistered), Organisation(filed: false), [], Content(), "m", During).Status);
    }

    [Fact]
    public void Draft_ByAnOrganisationThatExitedIncubationWithinTheBar_IsNotEligible_ButOneThatExitedEarlierIs()
    {
        var organisation = Organisation();
        var exited = Incubation.Apply(organisation, During.AddDays(-500));
        exited.Accept(During.AddDays(-490));
        exited.Exit("停止活动", During.AddDays(-200));

        Assert.Equal(FundingErrors.NotEligible, Refused(() => Proposal.Draft(Call(exitBarDays: 365), organisation, [exited], Content(), "m", During)).Error);
        Assert.Equal(ProposalStatus.Draft, Proposal.Draft(Call(exitBarDays: 180), organisation, [exited], Content(), "m", During).Status);
        Assert.Equal(ProposalStatus.Draft, Proposal.Draft(Call(exitBarDays: 0), organisation, [exited], Content(), "m", During).Status);
    }

    [Fact]
    public void Revise_AfterTheWindowCloses_IsRefused_AndTheProposalStaysAsItWas()
    {
        var call = Call();
        var proposal = Proposal.Draft(call, Organisation(), [], Content(), "m", During);

        Assert.Equal(FundingErrors.CallWindowClosed, Refused(() => proposal.Revise(call, Content() with { Title = "改过的" }, "m", Closes.AddSeconds(1))).Error);
        Assert.Equal("独居老人探访", proposal.Title);
    }

    [Fact]
    public void Submit_InTheWindow_FreezesTheProposal()
    {
        var (call, organisation) = (Call(), Organisation());
        var proposal = Proposal.Draft(call, organisation, [], Content(), "m", During);

        proposal.Submit(call, organisation, [], "m", During.AddHours(1));

        Assert.Equal((ProposalStatus.Submitted, During.AddHours(1)), (proposal.Status, proposal.SubmittedAt));
        Assert.Equal(FundingErrors.ProposalSubmitted, Refused(() => proposal.Revise(call, Content(), "m", During.AddHours(2))).Error);
        Assert.Equal(FundingErrors.ProposalSubmitted, Refused(() => proposal.Submit(call, organisation, [], "m", During.AddHours(2))).Error);
        var late = Organisation();
        var unsubmitted = Proposal.Draft(call, late, [], Content(), "m", During);
        Assert.Equal(FundingErrors.CallWindowClosed, Refused(() => unsubmitted.Submit(call, late, [], "m", Closes)).Error);
        Assert.Equal(ProposalStatus.Draft, unsubmitted.Status);
    }
}
