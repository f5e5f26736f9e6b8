using CsCheck;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Tests;

/// <summary>The review panel (conflicts, hidden scores, the mean of weighted totals) and the awards, on the domain.</summary>
public sealed class PanelTests
{
    private static readonly DateTimeOffset Opens = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Closes = Opens.AddDays(30);
    internal static readonly DateTimeOffset Reviewing = Closes.AddDays(3);
    private static readonly Rubric Rubric = Rubric.Create("评审量表", [("需求契合", 2m), ("可行性", 1m)], 1, 2, 3, 3, Opens.AddDays(-30));

    internal static Dictionary<string, int> Scores(int fit, int feasibility) => new() { ["需求契合"] = fit, ["可行性"] = feasibility };

    /// <summary>A call that has closed, a submitted proposal of 1,000 yuan from a community organisation, and a panel of <paramref name="reviewers"/>.</summary>
    internal static (Panel Panel, Proposal Proposal, Organisation Organisation) Arrange(params string[] reviewers)
    {
        var call = FundingCall.Open(
            new CallTerms("公益创投", FunderKind.DistrictUnit, "区民政局", null, 100_000m, [ServiceCategory.Elderly], OrganisationStatus.Unregistered, 0),
            Opens, Closes, Rubric, "funder", Opens.AddDays(-1));
        var id = Guid.NewGuid();
        var home = new TerritoryReplicaNode { Id = id, Kind = TerritoryNodeKind.Community, Code = "C", Name = "社区", Path = TerritoryPath.Of(null, id) };
        var organisation = Organisation.Enter("邻里互助会", OrganisationKind.MutualAid, home, [], [], 10, 0, [], Opens.AddYears(-1));
        var proposal = Proposal.Draft(call, organisation, [], new ProposalContent(
            "探访", ServiceCategory.Elderly, "需求", [], [], [], 10, "老人", 1_000m, [new BudgetLine("物料", 1_000m)], [new Milestone("完成", new DateOnly(2027, 6, 1))]),
            "member", Opens.AddDays(1));
        proposal.Submit(call, organisation, [], "member", Opens.AddDays(2));
        var panel = new Panel(call, Rubric);
        foreach (var reviewer in reviewers)
        {
            panel.Assign(reviewer);
        }

        return (panel, proposal, organisation);
    }

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void Score_ByAConflictedReviewer_IsRefused_AndTheirEarlierReviewIsWithdrawn()
    {
        var (panel, proposal, _) = Arrange("甲", "乙");
        panel.Score("甲", proposal, Scores(4, 4), Reviewing);

        panel.DeclareConflict("甲", proposal, "曾在该机构任职", Reviewing.AddHours(1));

        Assert.Empty(panel.Reviews);
        Assert.Equal(PanelErrors.ReviewerConflicted, Refused(() => panel.Score("甲", proposal, Scores(5, 5), Reviewing.AddHours(2))).Error);
        Assert.Empty(panel.ReviewsSeenBy("甲", proposal.Id));
    }

    [Fact]
    public void ReviewsSeenBy_AReviewerWhoHasNotScored_IsEmpty_ThenEveryReview()
    {
        var (panel, proposal, _) = Arrange("甲", "乙");
        panel.Score("甲", proposal, Scores(4, 2), Reviewing);

        Assert.Empty(panel.ReviewsSeenBy("乙", proposal.Id));
        panel.Score("乙", proposal, Scores(3, 3), Reviewing.AddHours(1));
        Assert.Equal(["甲", "乙"], panel.ReviewsSeenBy("乙", proposal.Id).Select(r => r.ReviewerId));
        Assert.Equal(PanelErrors.NotAReviewer, Refused(() => panel.ReviewsSeenBy("丙", proposal.Id)).Error);
    }

    [Fact]
    public void Score_OutsideTheScale_BeforeTheWindowCloses_TwiceOrByAStranger_IsRefused()
    {
        var (panel, proposal, _) = Arrange("甲");

        Assert.Equal(IncubationErrors.ScoreOutsideScale, Refused(() => panel.Score("甲", proposal, Scores(6, 3), Reviewing)).Error);
        Assert.Equal(IncubationErrors.InvalidScores, Refused(() => panel.Score("甲", proposal, new Dictionary<string, int> { ["需求契合"] = 3 }, Reviewing)).Error);
        Assert.Equal(PanelErrors.NotReviewable, Refused(() => panel.Score("甲", proposal, Scores(3, 3), Closes.AddTicks(-1))).Error);
        Assert.Equal(PanelErrors.NotAReviewer, Refused(() => panel.Score("丙", proposal, Scores(3, 3), Reviewing)).Error);
        panel.Score("甲", proposal, Scores(3, 3), Reviewing);
        Assert.Equal(PanelErrors.AlreadyReviewed, Refused(() => panel.Score("甲", proposal, Scores(5, 5), Reviewing)).Error);
        Assert.Single(panel.Reviews);
    }

    [Fact]
    public void ScoreOf_IsTheMeanOfTheWeightedTotals_OnlyFromTwoReviews()
    {
        var (panel, proposal, _) = Arrange("甲", "乙", "丙");
        // (4×2 + 2×1) ÷ 3 = 3.33; (5×2 + 5×1) ÷ 3 = 5; (3×2 + 3×1) ÷ 3 = 3.
        panel.Score("甲", proposal, Scores(4, 2), Reviewing);
        Assert.Null(panel.ScoreOf(proposal.Id));
        panel.Score("乙", proposal, Scores(5, 5), Reviewing);
        Assert.Equal(4.165m, panel.ScoreOf(proposal.Id));
        panel.Score("丙", proposal, Scores(3, 3), Reviewing);
        Assert.Equal(11.33m / 3, panel.ScoreOf(proposal.Id));
    }

    [Fact]
    public void PublishAwards_FixesTheRanking_NotBeforeTheWindowCloses_NorTwice_AndThePanelNoLongerChanges()
    {
        var (panel, proposal, _) = Arrange("甲", "乙");
        panel.Score("甲", proposal, Scores(4, 4), Reviewing);
        panel.Score("乙", proposal, Scores(2, 2), Reviewing);

        Assert.Equal(PanelErrors.AwardsNotDue, Refused(() => panel.PublishAwards([proposal], Closes.AddTicks(-1))).Error);
        var line = Assert.Single(panel.PublishAwards([proposal], Reviewing));

        Assert.Equal((AwardOutcome.Awarded, 3m, 99_000m), (line.Outcome, line.Score, line.BudgetLeft));
        Assert.Equal([line], panel.Ranking);
        Assert.Equal(PanelErrors.AwardsPublished, Refused(() => panel.PublishAwards([proposal], Reviewing)).Error);
        Assert.Equal(PanelErrors.AwardsPublished, Refused(() => panel.DeclareConflict("甲", proposal, "迟来的申报", Reviewing)).Error);
        Assert.Equal(PanelErrors.AwardsPublished, Refused(() => panel.Assign("丙")).Error);
    }

    private static readonly Gen<decimal> WeightedTotal = Gen.Int[0, 500].Select(hundredths => hundredths / 100m);

    [Fact]
    public void MeanOf_AnyTwoOrMoreTotals_LiesBetweenTheLowestAndHighest_WhateverTheirOrder() =>
        Gen.Select(WeightedTotal.Array[2, 12], Gen.Int).Sample(sample =>
        {
            var (totals, seed) = sample;
            var mean = Panel.MeanOf(totals)!.Value;
            Assert.InRange(mean, totals.Min(), totals.Max());
            Assert.Equal(mean, Panel.MeanOf([.. totals.OrderBy(_ => new Random(seed).Next())]));
        });

    [Fact]
    public void MeanOf_FewerThanTwoTotals_IsNoScore_AndEqualTotals_AreThatTotal() =>
        Gen.Select(WeightedTotal, Gen.Int[2, 12]).Sample(sample =>
        {
            var (total, count) = sample;
            Assert.Null(Panel.MeanOf([total]));
            Assert.Null(Panel.MeanOf([]));
            Assert.Equal(total, Panel.MeanOf([.. Enumerable.Repeat(total, count)]));
        });

    private static readonly DateTimeOffset Day = new(2027, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static AwardCandidate Candidate(int n, decimal? score, decimal amount, int submittedMinute) =>
        new(Guid.Parse($"00000000-0000-0000-0000-{n:D12}"), score, amount, Day.AddMinutes(submittedMinute));

    [Fact]
    public void Decide_OnATableOfCases_AwardsTheKnownWinners_SkippingWhatNoLongerFits_TiesToTheEarlierSubmission()
    {
        // Budget 100 000: A (4.5, 50 000) is awarded, 50 000 left; B and C tie at 4.0, C submitted first: C (30 000) is
        // awarded, 20 000 left; B (30 000) no longer fits and is skipped; D (3.0, 20 000) fits exactly; E has one review.
        var lines = Awards.Decide(100_000m,
        [
            Candidate(2, 4.0m, 30_000m, submittedMinute: 20),
            Candidate(5, null, 5_000m, submittedMinute: 1),
            Candidate(4, 3.0m, 20_000m, submittedMinute: 5),
            Candidate(1, 4.5m, 50_000m, submittedMinute: 30),
            Candidate(3, 4.0m, 30_000m, submittedMinute: 10),
        ]);

        Assert.Equal(
            [(1, 1, AwardOutcome.Awarded, 50_000m), (2, 3, AwardOutcome.Awarded, 20_000m), (3, 2, AwardOutcome.SkippedOverBudget, 20_000m), (4, 4, AwardOutcome.Awarded, 0m)],
            lines.Take(4).Select(l => (l.Rank!.Value, int.Parse(l.ProposalId.ToString()[^12..], System.Globalization.CultureInfo.InvariantCulture), l.Outcome, l.BudgetLeft)));
        var unscored = lines[4];
        Assert.Equal((null, AwardOutcome.NotScored), (unscored.Rank, unscored.Outcome));
        Assert.Contains("超出余额 20000", lines[2].Reason, StringComparison.Ordinal);
    }

    private static readonly Gen<(decimal Budget, AwardCandidate[] Candidates)> AwardCases =
        Gen.Select(
            Gen.Int[0, 200].Select(k => k * 1_000m),
            Gen.Select(Gen.Int[0, 10].Select(s => s == 0 ? (decimal?)null : s / 2m), Gen.Int[1, 80].Select(k => k * 1_000m), Gen.Int[0, 5])
                .Array[0, 12]
                .Select(rows => rows.Select((row, i) => Candidate(i + 1, row.Item1, row.Item2, row.Item3)).ToArray()));

    [Fact]
    public void Decide_ForAnyCandidates_NeverExceedsTheBudget_AndSkipsOnlyWhatNoLongerFits() =>
        AwardCases.Sample(sample =>
        {
            var (budget, candidates) = sample;
            var lines = Awards.Decide(budget, candidates);

            var awarded = lines.Where(l => l.Outcome == AwardOutcome.Awarded).Sum(l => l.Amount);
            Assert.True(awarded <= budget, $"{awarded} awarded from {budget}");
            var left = budget;
            foreach (var line in lines.Where(l => l.Rank is not null))
            {
                Assert.Equal(line.Outcome == AwardOutcome.Awarded, line.Amount <= left);
                left -= line.Outcome == AwardOutcome.Awarded ? line.Amount : 0;
                Assert.Equal(left, line.BudgetLeft);
            }

            Assert.All(lines.Where(l => l.Score is null), l => Assert.Equal(AwardOutcome.NotScored, l.Outcome));
            Assert.Equal(candidates.Length, lines.Count);
        });

    [Fact]
    public void Decide_ForAnyCandidates_RanksByScoreThenSubmission_WhateverTheOrderGiven() =>
        Gen.Select(AwardCases, Gen.Int).Sample(sample =>
        {
            var ((budget, candidates), seed) = sample;
            var lines = Awards.Decide(budget, candidates);
            var shuffled = Awards.Decide(budget, candidates.OrderBy(_ => new Random(seed).Next()));

            Assert.Equal(lines, shuffled);
            var ranked = lines.Where(l => l.Rank is not null).Select(l => candidates.Single(c => c.ProposalId == l.ProposalId)).ToList();
            Assert.All(ranked.Zip(ranked.Skip(1)), pair =>
                Assert.True(pair.First.Score > pair.Second.Score || (pair.First.Score == pair.Second.Score && pair.First.SubmittedAt <= pair.Second.SubmittedAt)));
        });
}
