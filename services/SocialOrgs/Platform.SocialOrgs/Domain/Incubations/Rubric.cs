using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.SocialOrgs.Domain.Incubations;

/// <summary>The growth stages of an organisation in incubation, in order.</summary>
public enum GrowthStage
{
    /// <summary>种子: just accepted.</summary>
    Seed,

    /// <summary>萌芽.</summary>
    Sprout,

    /// <summary>幼苗.</summary>
    Sapling,

    /// <summary>成树: ready to stand alone.</summary>
    Tree,
}

/// <summary>One criterion of a rubric and its weight.</summary>
public sealed class RubricCriterion
{
    /// <summary>The longest criterion name.</summary>
    public const int NameMaxLength = 50;

    private RubricCriterion()
    {
    }

    internal RubricCriterion(string name, decimal weight)
    {
        Name = name;
        Weight = weight;
    }

    /// <summary>Name, e.g. 内部治理; unique in its rubric.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Its weight, positive; weights need not add up to anything.</summary>
    public decimal Weight { get; private set; }
}

/// <summary>
/// A district's assessment rubric (评估量表): criteria with weights, each scored on the 0–5 scale, the weighted total an
/// organisation must reach to enter each growth stage, and to graduate. The weighted total is the weighted mean of the
/// scores, on the same 0–5 scale, to two decimals.
/// </summary>
public sealed class Rubric : ITenantOwned
{
    /// <summary>The lowest score of a criterion.</summary>
    public const int MinScore = 0;

    /// <summary>The highest score of a criterion.</summary>
    public const int MaxScore = 5;

    /// <summary>The longest rubric name.</summary>
    public const int NameMaxLength = 100;

    /// <summary>The most criteria a rubric has.</summary>
    public const int MaxCriteria = 20;

    private readonly List<RubricCriterion> _criteria = [];

    private Rubric()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Name, e.g. 2026年社区社会组织孵化评估.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The criteria, in the order given.</summary>
    public IReadOnlyList<RubricCriterion> Criteria => _criteria;

    /// <summary>The weighted total that enters <see cref="GrowthStage.Sprout"/>.</summary>
    public decimal SproutThreshold { get; private set; }

    /// <summary>The weighted total that enters <see cref="GrowthStage.Sapling"/>.</summary>
    public decimal SaplingThreshold { get; private set; }

    /// <summary>The weighted total that enters <see cref="GrowthStage.Tree"/>.</summary>
    public decimal TreeThreshold { get; private set; }

    /// <summary>The weighted total the latest assessment must reach for an organisation to graduate.</summary>
    public decimal GraduationThreshold { get; private set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Why a rubric's criteria and thresholds are unacceptable, or null: at least one criterion, names unique and
    /// non-blank, weights positive, thresholds on the scale and rising from stage to stage.
    /// </summary>
    public static string? Problem(IReadOnlyList<(string Name, decimal Weight)> criteria, decimal sprout, decimal sapling, decimal tree, decimal graduation) =>
        criteria.Count == 0 ? "A rubric needs at least one criterion."
        : criteria.Count > MaxCriteria ? $"At most {MaxCriteria} criteria."
        : criteria.Any(c => string.IsNullOrWhiteSpace(c.Name) || c.Name.Trim().Length > RubricCriterion.NameMaxLength) ? $"Every criterion needs a name of at most {RubricCriterion.NameMaxLength} characters."
        : criteria.Select(c => c.Name.Trim()).Distinct(StringComparer.Ordinal).Count() != criteria.Count ? "Criterion names must be unique."
        : criteria.Any(c => c.Weight <= 0 || c.Weight > 100) ? "Every weight is positive, at most 100."
        : new[] { sprout, sapling, tree, graduation }.Any(t => t < MinScore || t > MaxScore) ? $"Thresholds lie on the {MinScore}–{MaxScore} scale."
        : !(sprout <= sapling && sapling <= tree) ? "Stage thresholds rise from sprout to sapling to tree."
        : null;

    /// <summary>Creates a rubric.</summary>
    /// <exception cref="DomainException">The criteria or thresholds are unacceptable (see <see cref="Problem"/>).</exception>
    public static Rubric Create(
        string name, IReadOnlyList<(string Name, decimal Weight)> criteria, decimal sprout, decimal sapling, decimal tree, decimal graduation, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(criteria);
        if (Problem(criteria, sprout, sapling, tree, graduation) is { } problem)
        {
            throw new DomainException(IncubationErrors.InvalidRubric, problem, "criteria");
        }

        var rubric = new Rubric
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            SproutThreshold = sprout,
            SaplingThreshold = sapling,
            TreeThreshold = tree,
            GraduationThreshold = graduation,
            CreatedAt = now,
        };
        rubric._criteria.AddRange(criteria.Select(c => new RubricCriterion(c.Name.Trim(), c.Weight)));
        return rubric;
    }

    /// <summary>
    /// The weighted total of one score per criterion: Σ score × weight ÷ Σ weight, rounded half away from zero to two
    /// decimals, so it lies on the 0–5 scale and equal scores give that score.
    /// </summary>
    /// <exception cref="DomainException">A criterion is missing or unknown, or a score lies outside 0–5.</exception>
    public decimal WeightedTotal(IReadOnlyDictionary<string, int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Keys.FirstOrDefault(name => _criteria.All(c => c.Name != name)) is { } unknown)
        {
            throw new DomainException(IncubationErrors.InvalidScores, $"The rubric has no criterion '{unknown}'.", "scores");
        }

        if (_criteria.FirstOrDefault(c => !scores.ContainsKey(c.Name)) is { } missing)
        {
            throw new DomainException(IncubationErrors.InvalidScores, $"Every criterion is scored; '{missing.Name}' is not.", "scores");
        }

        if (scores.FirstOrDefault(s => s.Value is < MinScore or > MaxScore) is { Key: not null } outside)
        {
            throw new DomainException(
                IncubationErrors.ScoreOutsideScale, $"'{outside.Key}' is scored {outside.Value}; scores lie on the {MinScore}–{MaxScore} scale.", "scores");
        }

        var weighted = _criteria.Sum(c => scores[c.Name] * c.Weight);
        return Math.Round(weighted / _criteria.Sum(c => c.Weight), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The highest growth stage whose threshold <paramref name="weightedTotal"/> reaches.</summary>
    public GrowthStage StageFor(decimal weightedTotal) =>
        weightedTotal >= TreeThreshold ? GrowthStage.Tree
        : weightedTotal >= SaplingThreshold ? GrowthStage.Sapling
        : weightedTotal >= SproutThreshold ? GrowthStage.Sprout
        : GrowthStage.Seed;
}
