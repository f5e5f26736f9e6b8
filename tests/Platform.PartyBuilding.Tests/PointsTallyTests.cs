using CsCheck;
using Platform.PartyBuilding.Domain.Service;

namespace Platform.PartyBuilding.Tests;

/// <summary>The points rules (党员积分) on a table of cases with known totals, and the tally's laws over generated services.</summary>
public sealed class PointsTallyTests
{
    // 10 points an hour, patrol 20; 5 per completed claim, 2 per service rated 4 or 5, 8 off per abandoned claim.
    private static readonly PointsTerms Rule = new(10, [new CategoryRate("patrol", 20)], PointsPerCompletedClaim: 5, HighRatingBonus: 2, AbandonedClaimDeduction: 8);

    private static readonly string[] Categories = ["patrol", "elderly_care", "waste_sorting"];

    private static readonly Gen<CountedService> Services = Gen.Select(Gen.Int[0, 2], Gen.Long[0, 600], Gen.Int[0, 5], Gen.Bool)
        .Select((category, minutes, rating, reversed) => new CountedService(Categories[category], minutes, rating == 0 ? null : rating, reversed));

    public static TheoryData<string, CountedService[], int, int, long> KnownCases => new()
    {
        // 90 min of care at 10 (15) and 45 min of patrol at 20 (15), the patrol rated 5 (+2).
        { "two categories and a bonus", [new("elderly_care", 90, null, false), new("patrol", 45, 5, false)], 0, 0, 32 },
        // Three 20-minute services make an hour: 10, not three times a rounded-down 3.
        { "minutes summed per category before rounding", [new("elderly_care", 20, null, false), new("elderly_care", 20, null, false), new("elderly_care", 20, null, false)], 0, 0, 10 },
        // The reversed patrol counts for nothing, its rating neither; the care hour rated 4 earns 10 + 2.
        { "a reversed service", [new("patrol", 60, 5, true), new("elderly_care", 60, 4, false)], 0, 0, 12 },
        { "a rating of 3 earns no bonus", [new("waste_sorting", 30, 3, false)], 0, 0, 5 },
        { "claims completed and abandoned", [], 2, 1, 2 },
        { "deductions never go below zero", [new("elderly_care", 6, null, false)], 0, 3, 0 },
    };

    [Theory]
    [MemberData(nameof(KnownCases))]
    public void Of_TheTableOfCases_GivesTheKnownTotals(string @case, CountedService[] services, int completedClaims, int abandonedClaims, long total)
    {
        var statement = PointsTally.Of(3, Rule, services, completedClaims, abandonedClaims);

        Assert.True(total == statement.Total, $"{@case}: {statement}");
        Assert.Equal(3, statement.RuleVersion);
    }

    [Fact]
    public void Of_AnyServicesInAnyOrder_IsTheSame()
    {
        Gen.Select(Services.Array[0, 30], Gen.Int[0, 3], Gen.Int[0, 3]).Sample((services, completed, abandoned) =>
        {
            var shuffled = services.OrderBy(_ => Random.Shared.Next()).ToArray();

            Assert.Equal(PointsTally.Of(1, Rule, services, completed, abandoned), PointsTally.Of(1, Rule, shuffled, completed, abandoned));
        }, iter: 500);
    }

    [Fact]
    public void Of_WithAReversedServiceAdded_IsTheSameAsWithout()
    {
        Gen.Select(Services.Array[0, 30], Services, Gen.Int[0, 3]).Sample((services, extra, completed) =>
        {
            var reversed = extra with { Reversed = true };

            Assert.Equal(PointsTally.Of(1, Rule, services, completed, 0), PointsTally.Of(1, Rule, [.. services, reversed], completed, 0));
        }, iter: 500);
    }

    [Fact]
    public void Of_AServiceSplitInTwo_EarnsTheSameServicePoints()
    {
        Gen.Select(Services.Array[0, 20], Gen.Int[0, 2], Gen.Long[0, 600], Gen.Long[0, 600]).Sample((services, category, first, second) =>
        {
            var whole = new CountedService(Categories[category], first + second, null, false);
            var halves = new[] { whole with { Minutes = first }, whole with { Minutes = second } };

            Assert.Equal(
                PointsTally.Of(1, Rule, [.. services, whole], 0, 0).ServicePoints,
                PointsTally.Of(1, Rule, [.. services, .. halves], 0, 0).ServicePoints);
        }, iter: 500);
    }

    [Fact]
    public void Of_AnyServices_RoundsOffLessThanAPointPerCategory_AndCountsOnlyWhatIsNotReversed()
    {
        Services.Array[0, 40].Sample(services =>
        {
            var statement = PointsTally.Of(1, Rule, services, 0, 0);

            var counted = services.Where(s => !s.Reversed).ToList();
            // In point-minutes, to compare without rounding: what is earned exactly, less what the statement awards.
            var roundedOff = counted.Sum(s => s.Minutes * Rule.RateOf(s.Category)) - 60 * statement.ServicePoints;
            Assert.InRange(roundedOff, 0, Math.Max(0, 60L * counted.Select(s => s.Category).Distinct().Count() - 1));
            Assert.Equal(counted.Sum(s => s.Minutes), statement.Minutes);
            Assert.Equal(2L * counted.Count(s => s.Rating >= 4), statement.RatingBonus);
            Assert.Equal(statement.ServicePoints + statement.RatingBonus, statement.Total);
        }, iter: 1000);
    }

    [Fact]
    public void Of_MoreServiceOrCompletedClaims_NeverLowersTheTotal()
    {
        Gen.Select(Services.Array[0, 30], Services, Gen.Int[0, 3], Gen.Int[0, 5]).Sample((services, extra, completed, abandoned) =>
        {
            var before = PointsTally.Of(1, Rule, services, completed, abandoned).Total;

            Assert.True(PointsTally.Of(1, Rule, [.. services, extra], completed, abandoned).Total >= before);
            Assert.True(PointsTally.Of(1, Rule, services, completed + 1, abandoned).Total >= before);
            Assert.True(PointsTally.Of(1, Rule, services, completed, abandoned + 1).Total <= before);
        }, iter: 500);
    }

    [Theory]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    public void ServicePeriod_Parsed_SpansItsDays(string text, string first, string last)
    {
        Assert.True(ServicePeriod.TryParse(text, out var period));

        Assert.Equal((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), (period.FirstDay, period.LastDay));
        Assert.Equal(text, period.ToString());
        Assert.False(period.HasEndedOn(period.LastDay));
        Assert.True(period.HasEndedOn(period.LastDay.AddDays(1)));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026Q4")]
    [InlineData("26")]
    [InlineData("")]
    [InlineData("2026-Q")]
    public void ServicePeriod_Malformed_IsRefused(string text) => Assert.False(ServicePeriod.TryParse(text, out _));
}
