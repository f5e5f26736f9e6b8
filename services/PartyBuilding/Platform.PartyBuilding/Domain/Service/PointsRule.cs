using Platform.MultiTenancy.EntityFramework;

namespace Platform.PartyBuilding.Domain.Service;

/// <summary>Points per hour of service of one category.</summary>
/// <param name="Category">The category's wire name, as service records carry it.</param>
/// <param name="PointsPerHour">Points per hour.</param>
public sealed record CategoryRate(string Category, int PointsPerHour);

/// <summary>What a points rule awards and deducts.</summary>
/// <param name="PointsPerHour">Points per hour of service in a category without a rate of its own.</param>
/// <param name="CategoryRates">Points per hour of the categories rated apart.</param>
/// <param name="PointsPerCompletedClaim">Points per claimed post or project completed.</param>
/// <param name="HighRatingBonus">Points per service rated 4 or 5 by the residents served.</param>
/// <param name="AbandonedClaimDeduction">Points deducted per claim given up before its term.</param>
public sealed record PointsTerms(int PointsPerHour, IReadOnlyList<CategoryRate> CategoryRates, int PointsPerCompletedClaim, int HighRatingBonus, int AbandonedClaimDeduction)
{
    /// <summary>The most points one item earns or costs.</summary>
    public const int MaxPoints = 1000;

    /// <summary>The most categories rated apart.</summary>
    public const int MaxCategoryRates = 30;

    /// <summary>Why the terms are unacceptable, or null: every figure from 0 to <see cref="MaxPoints"/>, each category rated once.</summary>
    public string? Problem() =>
        new[] { PointsPerHour, PointsPerCompletedClaim, HighRatingBonus, AbandonedClaimDeduction }.Any(OutOfRange) ? $"Points from 0 to {MaxPoints}."
        : CategoryRates is null ? "categoryRates: Required (may be empty)."
        : CategoryRates.Count > MaxCategoryRates ? $"categoryRates: At most {MaxCategoryRates}."
        : CategoryRates.Select(r => ServiceRecord.CategoryProblem(r.Category)).FirstOrDefault(p => p is not null) is { } category ? $"categoryRates: {category}"
        : CategoryRates.Any(r => OutOfRange(r.PointsPerHour)) ? $"categoryRates: Points from 0 to {MaxPoints}."
        : CategoryRates.DistinctBy(r => r.Category.Trim()).Count() != CategoryRates.Count ? "categoryRates: Each category once."
        : null;

    /// <summary>Points per hour of <paramref name="category"/>.</summary>
    public int RateOf(string category) => CategoryRates.FirstOrDefault(r => r.Category == category)?.PointsPerHour ?? PointsPerHour;

    private static bool OutOfRange(int points) => points is < 0 or > MaxPoints;
}

/// <summary>
/// One version of the district's points rules (党员积分). Versions are numbered from 1 and never change once published;
/// a statement names the version it was computed with.
/// </summary>
public sealed class PointsRule : ITenantOwned
{
    private readonly List<CategoryRate> _categoryRates = [];

    private PointsRule()
    {
    }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The version, from 1.</summary>
    public int Version { get; private set; }

    /// <summary>Points per hour of a category without a rate of its own.</summary>
    public int PointsPerHour { get; private set; }

    /// <summary>The categories rated apart.</summary>
    public IReadOnlyList<CategoryRate> CategoryRates => _categoryRates;

    /// <summary>Points per completed claim.</summary>
    public int PointsPerCompletedClaim { get; private set; }

    /// <summary>Points per service rated 4 or 5.</summary>
    public int HighRatingBonus { get; private set; }

    /// <summary>Points deducted per abandoned claim.</summary>
    public int AbandonedClaimDeduction { get; private set; }

    /// <summary>Who published it.</summary>
    public string PublishedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>What it awards and deducts.</summary>
    public PointsTerms Terms => new(PointsPerHour, CategoryRates, PointsPerCompletedClaim, HighRatingBonus, AbandonedClaimDeduction);

    /// <summary>The version after <paramref name="current"/> (the first when there is none).</summary>
    /// <exception cref="ArgumentException">The terms are unacceptable (the request checks them first).</exception>
    public static PointsRule Publish(PointsRule? current, PointsTerms terms, string publishedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        if (terms.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(terms));
        }

        var rule = new PointsRule
        {
            Version = (current?.Version ?? 0) + 1,
            PointsPerHour = terms.PointsPerHour,
            PointsPerCompletedClaim = terms.PointsPerCompletedClaim,
            HighRatingBonus = terms.HighRatingBonus,
            AbandonedClaimDeduction = terms.AbandonedClaimDeduction,
            PublishedBy = publishedBy,
            PublishedAt = now,
        };
        rule._categoryRates.AddRange(terms.CategoryRates.Select(r => r with { Category = r.Category.Trim() }));
        return rule;
    }
}
