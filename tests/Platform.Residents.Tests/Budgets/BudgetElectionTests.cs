using Platform.Residents.Domain.Budgets;

namespace Platform.Residents.Tests.Budgets;

/// <summary>Small elections in the Pabulib format whose winners were worked out by hand (Elections/*.pb, each file says why).</summary>
public sealed class BudgetElectionTests
{
    private static PabulibElection Load(string name) => PabulibElection.Read(Path.Combine(AppContext.BaseDirectory, "Budgets", "Elections", name + ".pb"));

    [Theory]
    [InlineData("minority_that_agrees", BudgetRule.Greedy, "B,A", 100)]
    [InlineData("minority_that_agrees", BudgetRule.EqualShares, "B,C", 80)]
    [InlineData("skipped_and_completed", BudgetRule.Greedy, "Z,X", 50)]
    [InlineData("skipped_and_completed", BudgetRule.EqualShares, "Z,W,Y", 50)]
    [InlineData("ordinal_tie", BudgetRule.Greedy, "P10", 10)]
    [InlineData("ordinal_tie", BudgetRule.EqualShares, "P10", 10)]
    public void Select_KnownElection_SelectsTheWinnersWorkedOutByHand(string election, BudgetRule rule, string winners, int spent)
    {
        var e = Load(election);
        var outcome = BudgetSelection.Select(rule, e.Budget, e.Projects, e.Ballots);
        Assert.Equal(winners.Split(','), outcome.Selected);
        Assert.Equal(spent, outcome.Spent);
    }

    [Fact]
    public void EqualSharesPurchases_SkippedAndCompleted_ArePaidAsWorkedOutByHand()
    {
        var e = Load("skipped_and_completed");
        var purchases = BudgetSelection.EqualSharesPurchases(e.Budget, e.Projects, e.Ballots);
        // Shares of 50/6: Z's five supporters pay 4 each (ρ = 1/5), then W's one supporter pays all 5 (ρ = 1); X and Y are
        // never affordable from the shares, so Y comes from the completion.
        Assert.Equal(["Z", "W"], purchases.Select(p => p.Code));
        Assert.Equal([Fraction.Of(1, 5), Fraction.Of(1, 1)], purchases.Select(p => p.Rho));
        Assert.Equal([.. Enumerable.Repeat(Fraction.Of(4, 1), 5), Fraction.Zero], purchases[0].Paid);
        Assert.Equal([.. Enumerable.Repeat(Fraction.Zero, 5), Fraction.Of(5, 1)], purchases[1].Paid);
    }
}
