using CsCheck;
using Platform.Residents.Domain.Budgets;

namespace Platform.Residents.Tests.Budgets;

public sealed class BudgetSelectionTests
{
    /// <summary>Up to 8 projects of 1–100 yuan, up to 30 non-empty ballots (as bit masks over the projects), an amount of 0–300 yuan.</summary>
    private static readonly Gen<(BudgetProject[] Projects, IReadOnlyList<string>[] Ballots, decimal Amount)> Elections =
        Gen.Int[1, 100].Array[1, 8].SelectMany(costs => Gen.Select(Gen.Int[1, (1 << costs.Length) - 1].Array[1, 30], Gen.Int[0, 300], (masks, amount) =>
        {
            var projects = costs.Select((cost, i) => new BudgetProject($"P{i + 1}", cost)).ToArray();
            IReadOnlyList<string>[] ballots = [.. masks.Select(mask => (IReadOnlyList<string>)[.. projects.Where((_, i) => (mask & (1 << i)) != 0).Select(p => p.Code)])];
            return (projects, ballots, (decimal)amount);
        }));

    private static IReadOnlyList<string>[] Ballots(params string[] ballots) => [.. ballots.Select(b => (IReadOnlyList<string>)b.Split(','))];

    [Fact]
    public void Greedy_TieAndSkippedProject_TakesTheCheaperOnTheTie_AndSkipsWhatNoLongerFits()
    {
        // A and B 3 votes each, C 2: B (cheaper) first, then A (60 > 50 left) is skipped, then C fits.
        var outcome = BudgetSelection.Select(
            BudgetRule.Greedy, 100m, [new("A", 60m), new("B", 50m), new("C", 40m), new("D", 10m)], Ballots("A,B", "A,B", "A", "B,C", "C"));

        Assert.Equal(["B", "C"], outcome.Selected);
        Assert.Equal(90m, outcome.Spent);
        Assert.Equal(
            [("A", 3, false, NotSelectedReason.DidNotFit), ("B", 3, true, null), ("C", 2, true, null), ("D", 0, false, NotSelectedReason.NotEnoughVotes)],
            outcome.Projects.Select(p => (p.Code, p.Votes, p.Selected, p.Reason)));
    }

    [Fact]
    public void Rules_MajorityAndAMinorityThatAgrees_DifferAsTheMethodIntends()
    {
        // Ten voters with 10 yuan each: six want X1 and X2 (50 each), four want Y (40).
        var projects = new BudgetProject[] { new("X1", 50m), new("X2", 50m), new("Y", 40m) };
        var ballots = Ballots([.. Enumerable.Repeat("X1,X2", 6), .. Enumerable.Repeat("Y", 4)]);

        var greedy = BudgetSelection.Select(BudgetRule.Greedy, 100m, projects, ballots);
        var equalShares = BudgetSelection.Select(BudgetRule.EqualShares, 100m, projects, ballots);

        // Greedy: X1 and X2 tie on votes and cost, X1 first by code; Y no longer fits.
        Assert.Equal(["X1", "X2"], greedy.Selected);
        Assert.Equal(100m, greedy.Spent);
        // Equal shares: X1 (ρ = 1/6) leaves the six 10/6 each, too little for X2; the four pay Y together (ρ = 1/4);
        // the completion has 10 yuan left, which X2 does not fit.
        Assert.Equal(["X1", "Y"], equalShares.Selected);
        Assert.Equal(90m, equalShares.Spent);
        Assert.Equal(NotSelectedReason.DidNotFit, equalShares.Projects.Single(p => p.Code == "X2").Reason);
    }

    [Fact]
    public void EqualShares_ExactlyEnough_CountsAsAffordable_AndTheCompletionSpendsWhatIsLeft()
    {
        // Three voters, 30 yuan: 10 each. A (30) is paid by all three exactly; nothing is left for B.
        var outcome = BudgetSelection.Select(BudgetRule.EqualShares, 30m, [new("A", 30m), new("B", 5m)], Ballots("A", "A,B", "A"));
        Assert.Equal(["A"], outcome.Selected);

        // Two voters, 10 yuan: each holds 5; B (8) is supported by one only (5 < 8). Equal shares picks A (ρ = 1/2, 2 each),
        // then C (ρ = 1, the second voter pays 2); the completion has 4 left, which B does not fit.
        var completed = BudgetSelection.Select(BudgetRule.EqualShares, 10m, [new("A", 4m), new("B", 8m), new("C", 2m)], Ballots("A,B", "A,C"));
        Assert.Equal(["A", "C"], completed.Selected);
    }

    [Fact]
    public void EqualShares_EqualRho_GoesToTheLowerCostThenTheCodeInOrdinalOrder()
    {
        // P10 and P9 both cost 20 and have two supporters each with 10: ρ = 1/2 for both; "P10" < "P9" ordinally.
        var outcome = BudgetSelection.Select(BudgetRule.EqualShares, 40m, [new("P9", 20m), new("P10", 20m)], Ballots("P9", "P9", "P10", "P10"));
        Assert.Equal(["P10", "P9"], outcome.Selected);
    }

    [Fact]
    public void Select_NoBallots_SelectsNothing()
    {
        foreach (var rule in Enum.GetValues<BudgetRule>())
        {
            var outcome = BudgetSelection.Select(rule, 100m, [new("A", 10m)], []);
            Assert.Equal((0, 0m, NotSelectedReason.NotEnoughVotes), (outcome.Selected.Count, outcome.Spent, outcome.Projects[0].Reason));
        }
    }

    [Fact]
    public void Select_BadInput_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => BudgetSelection.Select(BudgetRule.Greedy, 10m, [new("A", 0m)], []));
        Assert.Throws<ArgumentException>(() => BudgetSelection.Select(BudgetRule.Greedy, 10m, [new("A", 1m), new("A", 2m)], []));
        Assert.Throws<ArgumentException>(() => BudgetSelection.Select(BudgetRule.Greedy, 10m, [new("A", 1m)], [[]]));
        Assert.Throws<ArgumentException>(() => BudgetSelection.Select(BudgetRule.Greedy, 10m, [new("A", 1m)], Ballots("A,A")));
        Assert.Throws<ArgumentException>(() => BudgetSelection.Select(BudgetRule.Greedy, 10m, [new("A", 1m)], Ballots("a")));
    }

    [Fact]
    public void Select_AnyElection_NeverSpendsMoreThanTheAmount() =>
        Elections.Sample(e => Enum.GetValues<BudgetRule>().All(rule =>
            BudgetSelection.Select(rule, e.Amount, e.Projects, e.Ballots) is var outcome
            && outcome.Spent <= e.Amount
            && outcome.Spent == outcome.Projects.Where(p => p.Selected).Sum(p => p.Cost)));

    [Fact]
    public void Select_AnyElection_LeavesOutOnlyWhatNoLongerFits() =>
        Elections.Sample(e => Enum.GetValues<BudgetRule>().All(rule =>
            BudgetSelection.Select(rule, e.Amount, e.Projects, e.Ballots) is var outcome
            && outcome.Projects.Where(p => p.Reason == NotSelectedReason.DidNotFit).All(p => p.Cost > e.Amount - outcome.Spent)));

    [Fact]
    public void EqualShares_AnyElection_IsIndependentOfBallotOrder() =>
        Elections.Sample(e =>
            BudgetSelection.Select(BudgetRule.EqualShares, e.Amount, e.Projects, e.Ballots).Selected
                .SequenceEqual(BudgetSelection.Select(BudgetRule.EqualShares, e.Amount, e.Projects, [.. e.Ballots.Reverse()]).Selected));

    [Fact]
    public void EqualShares_AnyElection_CoversEachCostWithItsSupportersShares()
    {
        Elections.Sample(e =>
        {
            var purchases = BudgetSelection.EqualSharesPurchases(e.Amount, e.Projects, e.Ballots);
            var share = Fraction.Of(e.Amount) / Fraction.Of(e.Ballots.Length, 1);
            var costs = e.Projects.ToDictionary(p => p.Code, p => Fraction.Of(p.Cost));
            var spentBy = new Fraction[e.Ballots.Length];
            Array.Fill(spentBy, Fraction.Zero);
            foreach (var purchase in purchases)
            {
                var total = Fraction.Zero;
                for (var voter = 0; voter < e.Ballots.Length; voter++)
                {
                    var paid = purchase.Paid[voter];
                    // Only supporters pay, none more than the price ρ·c, and together exactly the cost.
                    if (paid > Fraction.Zero && !e.Ballots[voter].Contains(purchase.Code) || paid > purchase.Rho * costs[purchase.Code])
                    {
                        return false;
                    }

                    total += paid;
                    spentBy[voter] += paid;
                }

                if (total != costs[purchase.Code])
                {
                    return false;
                }
            }

            // Nobody pays more than their share, and the phase's purchases open the rule's selection.
            return spentBy.All(paid => paid <= share)
                && BudgetSelection.Select(BudgetRule.EqualShares, e.Amount, e.Projects, e.Ballots).Selected.Take(purchases.Count).SequenceEqual(purchases.Select(p => p.Code));
        });
    }
}
