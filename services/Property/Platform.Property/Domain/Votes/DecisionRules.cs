using Platform.Domain;

namespace Platform.Property.Domain.Votes;

/// <summary>A share of the area and a share of the owners, both of which must be reached.</summary>
/// <param name="Area">The share of the exclusive area.</param>
/// <param name="Owners">The share of the owners (by head count).</param>
public readonly record struct DoubleThreshold(Threshold Area, Threshold Owners)
{
    /// <summary>Whether both shares are reached.</summary>
    public bool IsMetBy(decimal area, decimal totalArea, int owners, int totalOwners) =>
        Area.IsMetBy(area, totalArea) && Owners.IsMetBy(owners, totalOwners);

    /// <summary>Whether both shares are at least as strict as <paramref name="other"/>'s.</summary>
    public bool IsAtLeastAsStrictAs(DoubleThreshold other) => Area.IsAtLeastAsStrictAs(other.Area) && Owners.IsAtLeastAsStrictAs(other.Owners);
}

/// <summary>
/// The rule pack a district decides by: the quorum and each matter's pass rule. The Civil Code's (Art. 278) is the
/// default; a district may make any of them stricter, never looser.
/// </summary>
public sealed class DecisionRules
{
    private readonly Dictionary<Matter, DoubleThreshold> _pass;

    private DecisionRules(DoubleThreshold quorum, Dictionary<Matter, DoubleThreshold> pass)
    {
        Quorum = quorum;
        _pass = pass;
    }

    /// <summary>Art. 278: participation of ≥ 2/3 of the area and ≥ 2/3 of the owners; items 6–8 need ≥ 3/4 of the participating area and owners, the others &gt; 1/2.</summary>
    public static DecisionRules CivilCode { get; } = new(
        new DoubleThreshold(Threshold.TwoThirds, Threshold.TwoThirds),
        Enum.GetValues<Matter>().ToDictionary(m => m, LawOf));

    /// <summary>Who must take part for any matter to pass.</summary>
    public DoubleThreshold Quorum { get; }

    /// <summary>What matter <paramref name="matter"/> needs of the participants to pass.</summary>
    public DoubleThreshold PassOf(Matter matter) => _pass[matter];

    /// <summary>
    /// These rules with a district's own quorum and pass rules, each refused (<see cref="PropertyErrors.RuleLooserThanLaw"/>)
    /// unless it is at least as strict as the law's.
    /// </summary>
    public static DecisionRules Stricter(DoubleThreshold? quorum, IReadOnlyDictionary<Matter, DoubleThreshold> pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var law = CivilCode;
        if (quorum is { } q && !q.IsAtLeastAsStrictAs(law.Quorum))
        {
            throw new DomainException(PropertyErrors.RuleLooserThanLaw, $"The quorum must be at least {law.Quorum.Area} of the area and {law.Quorum.Owners} of the owners.", "quorum");
        }

        foreach (var (matter, rule) in pass)
        {
            if (!rule.IsAtLeastAsStrictAs(law.PassOf(matter)))
            {
                var lawRule = law.PassOf(matter);
                throw new DomainException(
                    PropertyErrors.RuleLooserThanLaw, $"{matter.ToWire()} must need at least {lawRule.Area} of the area and {lawRule.Owners} of the owners.", "matters");
            }
        }

        var merged = new Dictionary<Matter, DoubleThreshold>(law._pass);
        foreach (var (matter, rule) in pass)
        {
            merged[matter] = rule;
        }

        return new DecisionRules(quorum ?? law.Quorum, merged);
    }

    private static DoubleThreshold LawOf(Matter matter) => Matters.RuleOf(matter) == PassRule.ThreeQuarters
        ? new DoubleThreshold(Threshold.ThreeQuarters, Threshold.ThreeQuarters)
        : new DoubleThreshold(Threshold.MoreThanHalf, Threshold.MoreThanHalf);
}
