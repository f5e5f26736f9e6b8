using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Votes;

/// <summary>
/// A district's own decision rules: a quorum and pass rules per matter that are stricter than the Civil Code's. A vote
/// takes the rules in force when it is drawn up.
/// </summary>
public sealed class DistrictDecisionRules : ITenantOwned
{
    private DistrictDecisionRules()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The district's quorum, or null for the law's.</summary>
    public DoubleThreshold? Quorum { get; private set; }

    /// <summary>The district's pass rules, by matter; matters not named follow the law.</summary>
    public Dictionary<Matter, DoubleThreshold> Pass { get; private set; } = [];

    /// <summary>Who set them last.</summary>
    public string ChangedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The rules votes are decided by.</summary>
    public DecisionRules Rules => DecisionRules.Stricter(Quorum, Pass);

    /// <summary>A district's first rules, refused unless stricter than the law.</summary>
    public static DistrictDecisionRules Set(DoubleThreshold? quorum, IReadOnlyDictionary<Matter, DoubleThreshold> pass, string changedBy, DateTimeOffset now)
    {
        var rules = new DistrictDecisionRules { Id = Guid.CreateVersion7(now) };
        rules.Change(quorum, pass, changedBy, now);
        return rules;
    }

    /// <summary>Replaces the rules, refused unless stricter than the law.</summary>
    public void Change(DoubleThreshold? quorum, IReadOnlyDictionary<Matter, DoubleThreshold> pass, string changedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pass);
        _ = DecisionRules.Stricter(quorum, pass);
        Quorum = quorum;
        Pass = new(pass);
        ChangedBy = changedBy;
        ChangedAt = now;
    }
}
