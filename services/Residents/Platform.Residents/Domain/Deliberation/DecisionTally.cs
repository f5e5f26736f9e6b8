namespace Platform.Residents.Domain.Deliberation;

/// <summary>The count of a vote: exact integers, and whether it passes under a rule (see <see cref="DecisionRule"/>).</summary>
/// <param name="Yes">赞成.</param>
/// <param name="No">反对.</param>
/// <param name="Abstain">弃权.</param>
/// <param name="ElectorateSize">How many could vote, counted when the vote opened.</param>
public sealed record DecisionTally(int Yes, int No, int Abstain, int ElectorateSize)
{
    /// <summary>Votes cast, abstentions included.</summary>
    public int Cast => Yes + No + Abstain;

    /// <summary>Whether the vote passes under <paramref name="rule"/>; with no vote cast nothing passes.</summary>
    public bool Passes(DecisionRule rule) => Cast > 0 && rule switch
    {
        DecisionRule.SimpleMajority => 2L * Yes > Cast,
        DecisionRule.AbsoluteMajority => 2L * Yes > ElectorateSize,
        DecisionRule.TwoThirds => 3L * Yes >= 2L * Cast,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a decision rule."),
    };

    /// <summary>The tally with one more ballot of <paramref name="choice"/>.</summary>
    public DecisionTally With(BallotChoice choice) => choice switch
    {
        BallotChoice.Yes => this with { Yes = Yes + 1 },
        BallotChoice.No => this with { No = No + 1 },
        BallotChoice.Abstain => this with { Abstain = Abstain + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Not a ballot choice."),
    };
}
