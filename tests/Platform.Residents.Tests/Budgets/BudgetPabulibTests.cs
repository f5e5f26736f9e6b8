using Platform.Residents.Domain.Budgets;

namespace Platform.Residents.Tests.Budgets;

/// <summary>
/// The seven real elections of Budgets/Pabulib (see its README for their source) through the domain's selection rules:
/// the approvals counted match each city's own count, and the winners match an independent count of the same rules.
/// </summary>
public sealed class BudgetPabulibTests
{
    private const string Toulouse = "France_Toulouse_2022_1_-_Capitole_Arnaud_Bernard_Carmes";
    private const string Budapest = "Hungary_Budapest_2023_VIII_Jozsefvaros";
    private const string Amsterdam = "Netherlands_Amsterdam_646";
    private const string Assen = "Netherlands_Assen_2024";
    private const string Swiecie = "Poland_Swiecie_2023";
    private const string Zurich = "Switzerland_Zurich_SN";
    private const string Cambridge = "US_Stanford_Dataset_PB_Cambridge_2015_vote_knapsacks";

    public static TheoryData<string> Elections => [Toulouse, Budapest, Amsterdam, Assen, Swiecie, Zurich, Cambridge];

    // Counted by a separate program (exact rationals, issue 13's definitions), in the order of selection, with what they cost.
    public static TheoryData<string, BudgetRule, string, int> Winners => new()
    {
        { Toulouse, BudgetRule.Greedy, "7,5,9,11,6,13", 396000 },
        { Toulouse, BudgetRule.EqualShares, "7,9,11,6,5,13", 396000 },
        { Budapest, BudgetRule.Greedy, "4144,4081,4126,4165,4108,4090,4078,4189,4174,4096,4123,4138,4120,4102,4147,4093,4099,4171", 150000000 },
        { Budapest, BudgetRule.EqualShares, "4144,4081,4126,4165,4108,4090,4078,4189,4174,4096,4123,4120,4093,4099,4111,4147,4171,4114,4075,4117,4150,4168,4132,4084,4138,4087", 150000000 },
        { Amsterdam, BudgetRule.Greedy, "44405,44417,44404,44396,44402,44406,44410,44397,44403,44399,44401", 227520 },
        { Amsterdam, BudgetRule.EqualShares, "44405,44417,44396,44406,44402,44410,44397,44403,44401,44409,44419,44414,44404", 227420 },
        { Assen, BudgetRule.Greedy, "3,9,8,2,11,13,14", 99200 },
        { Assen, BudgetRule.EqualShares, "3,9,2,13,11,14,12,5,6,7", 88700 },
        { Swiecie, BudgetRule.Greedy, "c12,c8,c10,c20,c21,c2,c3,c9,c11", 1067287 },
        { Swiecie, BudgetRule.EqualShares, "c12,c10,c20,c2,c3,c9,c1,c13,c11,c7,c4,c19,c18,c8", 1060787 },
        { Zurich, BudgetRule.Greedy, "5,14,2,13,17,7,24,6", 60000 },
        { Zurich, BudgetRule.EqualShares, "5,14,2,13,17,7,19,24,1", 60000 },
        { Cambridge, BudgetRule.Greedy, "262,268,265,260,256,263,264,270,259,274", 590250 },
        { Cambridge, BudgetRule.EqualShares, "262,268,265,260,256,263,264,270,254,259,269", 550250 },
    };

    private static PabulibElection Load(string name) => PabulibElection.Read(Path.Combine(AppContext.BaseDirectory, "Budgets", "Pabulib", name + ".pb"));

    [Theory]
    [MemberData(nameof(Winners))]
    public void Select_RealElection_SelectsTheWinnersOfAnIndependentCount(string election, BudgetRule rule, string winners, int spent)
    {
        var e = Load(election);

        var outcome = BudgetSelection.Select(rule, e.Budget, e.Projects, e.Ballots);

        Assert.Equal(winners.Split(','), outcome.Selected);
        Assert.Equal(spent, outcome.Spent);
        Assert.True(outcome.Spent <= e.Budget);
    }

    [Theory]
    [MemberData(nameof(Elections))]
    public void Select_RealElection_CountsTheApprovalsTheCityListed(string election)
    {
        var e = Load(election);

        var outcome = BudgetSelection.Select(BudgetRule.Greedy, e.Budget, e.Projects, e.Ballots);

        Assert.NotEmpty(e.ListedVotes);
        Assert.Equal(e.ListedVotes.OrderBy(v => v.Key, StringComparer.Ordinal), outcome.Projects.Select(p => KeyValuePair.Create(p.Code, p.Votes)).OrderBy(v => v.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Elections))]
    public void EqualShares_RealElection_BuysWithTheSharesFirst_ThenCompletesGreedily(string election)
    {
        var e = Load(election);

        var purchases = BudgetSelection.EqualSharesPurchases(e.Budget, e.Projects, e.Ballots);
        var outcome = BudgetSelection.Select(BudgetRule.EqualShares, e.Budget, e.Projects, e.Ballots);

        Assert.Equal(purchases.Select(p => p.Code), outcome.Selected.Take(purchases.Count));
        var share = Fraction.Of(e.Budget) / Fraction.Of(e.Ballots.Count, 1);
        foreach (var voter in Enumerable.Range(0, e.Ballots.Count))
        {
            Assert.True(purchases.Aggregate(Fraction.Zero, (sum, p) => sum + p.Paid[voter]) <= share, $"voter {voter} paid beyond their share");
        }
    }
}
