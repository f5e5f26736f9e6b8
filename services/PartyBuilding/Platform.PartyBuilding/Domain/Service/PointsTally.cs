namespace Platform.PartyBuilding.Domain.Service;

/// <summary>One service record as the tally counts it.</summary>
/// <param name="Category">Its category.</param>
/// <param name="Minutes">Its minutes.</param>
/// <param name="Rating">The residents' rating, if any.</param>
/// <param name="Reversed">Whether its credit was reversed (then it counts for nothing).</param>
public readonly record struct CountedService(string Category, long Minutes, int? Rating, bool Reversed);

/// <summary>A member's points for a period and how they were reached.</summary>
/// <param name="RuleVersion">The points-rule version used.</param>
/// <param name="Minutes">Minutes of service counted.</param>
/// <param name="ServicePoints">Points for the hours, category by category.</param>
/// <param name="ClaimPoints">Points for completed claims.</param>
/// <param name="RatingBonus">Points for services rated 4 or 5.</param>
/// <param name="Deductions">Points deducted for abandoned claims.</param>
/// <param name="Total">What the member has: the points earned less the deductions, never below 0.</param>
public sealed record PointsStatement(int RuleVersion, long Minutes, long ServicePoints, long ClaimPoints, long RatingBonus, long Deductions, long Total);

/// <summary>
/// The points rule applied to a member's period (DOMAIN.md §6): per category, its whole minutes times its points per hour,
/// divided by 60 and rounded down (so an hour made of two half-hour services earns the same as one hour); a reversed
/// service counts for nothing; a bonus per service rated 4 or 5; points per completed claim; deductions per abandoned
/// claim, never taking the total below 0.
/// </summary>
public static class PointsTally
{
    /// <summary>The rating from which a service earns the bonus.</summary>
    public const int HighRating = 4;

    /// <summary>The statement of <paramref name="services"/> and the claims' outcomes under <paramref name="rule"/>.</summary>
    public static PointsStatement Of(int ruleVersion, PointsTerms rule, IEnumerable<CountedService> services, int completedClaims, int abandonedClaims)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentOutOfRangeException.ThrowIfNegative(completedClaims);
        ArgumentOutOfRangeException.ThrowIfNegative(abandonedClaims);
        var counted = services.Where(s => !s.Reversed).ToList();
        var minutes = counted.Sum(s => s.Minutes);
        var servicePoints = counted.GroupBy(s => s.Category, StringComparer.Ordinal).Sum(c => c.Sum(s => s.Minutes) * rule.RateOf(c.Key) / 60);
        var ratingBonus = (long)counted.Count(s => s.Rating >= HighRating) * rule.HighRatingBonus;
        var claimPoints = (long)completedClaims * rule.PointsPerCompletedClaim;
        var deductions = (long)abandonedClaims * rule.AbandonedClaimDeduction;
        var total = Math.Max(0, servicePoints + ratingBonus + claimPoints - deductions);
        return new PointsStatement(ruleVersion, minutes, servicePoints, claimPoints, ratingBonus, deductions, total);
    }
}
