using Platform.Domain;
using Platform.Property.Domain.Committees;
using Platform.Property.Domain.Votes;

namespace Platform.Property.Tests.Domain;

public sealed class CommitteeLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Area = Guid.NewGuid();

    private static readonly CommitteeMember PartyRep = new() { Name = "党代表", PartyRepresentative = true, UserId = "u-party" };
    private static readonly CommitteeMember Neighbourhood = new() { Name = "居委会委员", ResidentsCommitteeMember = true, UserId = "u-rc" };

    private static CommitteeMember Owner(string name = "业主") => new() { Name = name, OwnerId = Guid.NewGuid() };

    private static List<CommitteeCandidate> Candidates(int n) =>
        [.. Enumerable.Range(1, n).Select(i => new CommitteeCandidate { Name = $"候选人{i}", OwnerId = Guid.NewGuid(), PartyRecommended = i == 1 })];

    private static Committee Nominated(int seats, int candidates)
    {
        var committee = Committee.FormPreparatoryGroup(Area, [PartyRep, Neighbourhood, Owner()], "street", Start);
        committee.VerifyRoll("group", Start.AddDays(10));
        committee.DraftRules("group", Start.AddDays(20));
        committee.NominateCandidates(Candidates(candidates), seats, "group", Start.AddDays(30));
        committee.StartElection(Guid.NewGuid(), "group", Start.AddDays(31));
        return committee;
    }

    /// <summary>An election's count: candidate key → (approving area, approving owners, passed).</summary>
    private static Tally Count(params (string Key, decimal Area, int Owners, bool Passed)[] candidates) => new(
        1000m, 100, 800m, 80, true,
        [.. candidates.Select(c => new MatterTally(c.Key, Matter.ElectCommittee, PassRule.Majority, c.Area, c.Owners, 0, 0, 0, 0, c.Passed))], []);

    [Fact]
    public void OwnersCommittee_ThroughEveryStep_IsElectedFiledActiveAndEndsAtItsTerm()
    {
        var committee = Nominated(seats: 5, candidates: 6);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6"], committee.Candidates.Select(c => c.Key));
        Assert.True(committee.Candidates[0].PartyRecommended);

        var elected = committee.RecordElection(
            Count(("c1", 500, 50, true), ("c2", 450, 45, true), ("c3", 450, 44, true), ("c4", 430, 60, true), ("c5", 420, 42, true), ("c6", 410, 41, true)),
            "group", Start.AddDays(45));

        Assert.True(elected);
        Assert.Equal(CommitteeStage.Elected, committee.Stage);
        // By approving area, then approving owners: c6 has the least area.
        Assert.Equal(["候选人1", "候选人2", "候选人3", "候选人4", "候选人5"], committee.Members.Select(m => m.Name));
        Assert.True(committee.Members[0].PartyRecommended);

        committee.File(5, "street", Start.AddDays(50));
        Assert.True(committee.IsActive);
        Assert.Equal(Start.AddDays(50).AddYears(5), committee.TermEndsAt);

        // Re-election is reminded six months before the term ends, and the term cannot be ended early.
        Assert.False(committee.ReElectionDue(Start.AddDays(50).AddYears(5).AddDays(-181)));
        Assert.True(committee.ReElectionDue(Start.AddDays(50).AddYears(5).AddDays(-180)));
        Assert.Equal("property.committee_step", Assert.Throws<DomainException>(() => committee.EndTerm("street", Start.AddYears(5))).Error.Code);
        committee.EndTerm("street", Start.AddDays(50).AddYears(5));
        Assert.Equal((CommitteeStage.Ended, CommitteeEnding.TermEnded), (committee.Stage, committee.Ending));
    }

    [Fact]
    public void Steps_OutOfOrder_AreRefused()
    {
        var committee = Committee.FormPreparatoryGroup(Area, [PartyRep, Neighbourhood], "street", Start);

        Assert.Equal("property.committee_step", Assert.Throws<DomainException>(() => committee.DraftRules("group", Start)).Error.Code);
        Assert.Equal("property.committee_step", Assert.Throws<DomainException>(() => committee.File(5, "street", Start)).Error.Code);
        Assert.Equal("property.committee_step", Assert.Throws<DomainException>(() => committee.Dissolve("street", Start)).Error.Code);
        Assert.Equal(CommitteeStage.Preparing, committee.Stage);
    }

    [Fact]
    public void PreparatoryGroup_WithoutPartyRepresentativeOrResidentsCommitteeMember_IsRefused()
    {
        foreach (var group in new[] { new[] { Neighbourhood, Owner() }, [PartyRep, Owner()] })
        {
            Assert.Equal("property.committee_composition",
                Assert.Throws<DomainException>(() => Committee.FormPreparatoryGroup(Area, group, "street", Start)).Error.Code);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(13)]
    [InlineData(3)]
    public void Nomination_ForAnEvenOrOutOfRangeNumberOfSeats_IsRefused(int seats)
    {
        var committee = Committee.FormPreparatoryGroup(Area, [PartyRep, Neighbourhood], "street", Start);
        committee.VerifyRoll("group", Start);
        committee.DraftRules("group", Start);

        Assert.Equal("property.committee_composition",
            Assert.Throws<DomainException>(() => committee.NominateCandidates(Candidates(15), seats, "group", Start)).Error.Code);
        Assert.Equal("property.committee_composition",
            Assert.Throws<DomainException>(() => committee.NominateCandidates(Candidates(4), 5, "group", Start)).Error.Code);
    }

    [Fact]
    public void Election_FillingFewerThanFiveSeats_Fails_AndTheCommitteeEnds()
    {
        var committee = Nominated(seats: 5, candidates: 6);

        // Only four candidates have the majority.
        var elected = committee.RecordElection(
            Count(("c1", 500, 50, true), ("c2", 450, 45, true), ("c3", 440, 44, true), ("c4", 430, 43, true), ("c5", 300, 30, false), ("c6", 200, 20, false)),
            "group", Start.AddDays(45));

        Assert.False(elected);
        Assert.Equal((CommitteeStage.Ended, CommitteeEnding.ElectionFailed), (committee.Stage, committee.Ending));
        Assert.Empty(committee.Members);
    }

    [Fact]
    public void Election_WithATieForTheLastSeat_LeavesItUnfilled()
    {
        var committee = Nominated(seats: 7, candidates: 8);

        // c7 and c8 tie on area and owners for the seventh seat: six seats filled, an even number, so the election fails.
        var elected = committee.RecordElection(
            Count(("c1", 900, 90, true), ("c2", 800, 80, true), ("c3", 700, 70, true), ("c4", 600, 60, true), ("c5", 550, 55, true),
                ("c6", 520, 52, true), ("c7", 510, 51, true), ("c8", 510, 51, true)),
            "group", Start.AddDays(45));

        Assert.False(elected);
        Assert.Equal(CommitteeEnding.ElectionFailed, committee.Ending);
    }

    [Fact]
    public void InterimCommittee_OwnersMoreThanHalf_ChairedByResidentsCommittee_TermAtMostThreeYears()
    {
        var chair = Neighbourhood with { Chair = true };
        var formed = Committee.FormInterim(Area, [chair, Owner("甲"), Owner("乙")], InterimReason.FailedToElect, Start.AddYears(3), "street", Start);
        Assert.True(formed.IsActive);

        var cases = new (CommitteeMember[] Members, DateTimeOffset TermEndsAt, string Code)[]
        {
            // Owners exactly half is not more than half.
            ([chair, Owner()], Start.AddYears(1), "property.committee_composition"),
            // An owner chairs.
            ([Neighbourhood, Owner() with { Chair = true }, Owner()], Start.AddYears(1), "property.committee_composition"),
            // No chair.
            ([Neighbourhood, Owner(), Owner()], Start.AddYears(1), "property.committee_composition"),
            ([chair, Owner(), Owner()], Start.AddYears(3).AddDays(1), "property.committee_term"),
            ([chair, Owner(), Owner()], Start, "property.committee_term"),
        };
        foreach (var (members, termEndsAt, code) in cases)
        {
            Assert.Equal(code, Assert.Throws<DomainException>(() => Committee.FormInterim(Area, members, InterimReason.CannotFormAssembly, termEndsAt, "street", Start)).Error.Code);
        }
    }

    [Fact]
    public void InterimCommittee_StillActiveThirtyDaysAfterTheOwnersElected_IsOverdue_UntilDissolved()
    {
        var interim = Committee.FormInterim(
            Area, [Neighbourhood with { Chair = true }, Owner(), Owner()], InterimReason.CannotFormAssembly, Start.AddYears(3), "street", Start);
        var elected = Start.AddYears(1);

        Assert.False(interim.DissolutionOverdue(null, elected.AddDays(100)));
        Assert.False(interim.DissolutionOverdue(elected, elected.AddDays(30)));
        Assert.True(interim.DissolutionOverdue(elected, elected.AddDays(30).AddSeconds(1)));

        interim.Dissolve("street", elected.AddDays(31));
        Assert.Equal(CommitteeEnding.Dissolved, interim.Ending);
        Assert.False(interim.DissolutionOverdue(elected, elected.AddDays(40)));
        Assert.Equal("property.committee_step", Assert.Throws<DomainException>(() => interim.Recall("owners", elected.AddDays(41))).Error.Code);
    }

    [Fact]
    public void ElectionVote_ApprovingMoreCandidatesThanSeats_IsRefused()
    {
        var rules = DecisionRules.CivilCode;
        var candidates = Enumerable.Range(1, 6).Select(i => new VoteMatterDraft($"c{i}", Matter.ElectCommittee, $"候选人{i}", null)).ToList();
        var vote = Vote.DraftElection(Area, "第一届业主委员会选举", Start, Start.AddDays(7), candidates, 5, rules, "group", Start.AddHours(-1));
        vote.Open(100m, 10, "group", Start);

        var six = candidates.ToDictionary(c => c.Key, _ => Choice.Approve);
        Assert.Equal("property.ballot_choices", Assert.Throws<DomainException>(() => vote.EnsureAnswersEveryMatter(six)).Error.Code);
        vote.EnsureAnswersEveryMatter(new Dictionary<string, Choice>(six) { ["c6"] = Choice.Reject });
    }
}
