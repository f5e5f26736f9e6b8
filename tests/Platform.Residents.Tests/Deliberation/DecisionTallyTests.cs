using CsCheck;
using Platform.Residents.Domain.Deliberation;

namespace Platform.Residents.Tests.Deliberation;

public sealed class DecisionTallyTests
{
    /// <summary>A tally with at most <c>electorate</c> votes cast.</summary>
    private static readonly Gen<DecisionTally> Tallies =
        Gen.Select(Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40])
            .Select(t => new DecisionTally(t.Item1, t.Item2, t.Item3, t.Item1 + t.Item2 + t.Item3 + t.Item4));

    // Worked out by hand from the rules' definitions: cast = yes + no + abstain.
    [Theory]
    [InlineData(DecisionRule.SimpleMajority, 6, 5, 0, 20, true)]
    [InlineData(DecisionRule.SimpleMajority, 5, 5, 0, 20, false)] // tie
    [InlineData(DecisionRule.SimpleMajority, 5, 4, 2, 20, false)] // abstentions are cast: 10 > 11 fails
    [InlineData(DecisionRule.SimpleMajority, 6, 4, 1, 20, true)]
    [InlineData(DecisionRule.SimpleMajority, 1, 0, 0, 20, true)]
    [InlineData(DecisionRule.SimpleMajority, 0, 0, 3, 20, false)] // only abstentions
    [InlineData(DecisionRule.SimpleMajority, 0, 0, 0, 20, false)] // nobody voted
    [InlineData(DecisionRule.AbsoluteMajority, 6, 0, 0, 12, false)] // exactly half of the electorate
    [InlineData(DecisionRule.AbsoluteMajority, 7, 0, 0, 12, true)]
    [InlineData(DecisionRule.AbsoluteMajority, 7, 2, 3, 12, true)]
    [InlineData(DecisionRule.AbsoluteMajority, 6, 1, 0, 13, false)] // a simple majority, not an absolute one
    [InlineData(DecisionRule.TwoThirds, 6, 3, 0, 20, true)] // exactly two thirds
    [InlineData(DecisionRule.TwoThirds, 6, 3, 1, 20, false)] // the abstention breaks it: 18 < 20
    [InlineData(DecisionRule.TwoThirds, 5, 3, 0, 20, false)]
    [InlineData(DecisionRule.TwoThirds, 2, 1, 0, 3, true)]
    [InlineData(DecisionRule.TwoThirds, 0, 0, 0, 3, false)]
    public void Passes_KnownTallies_DecideByTheRulesDefinition(DecisionRule rule, int yes, int no, int abstain, int electorate, bool passes) =>
        Assert.Equal(passes, new DecisionTally(yes, no, abstain, electorate).Passes(rule));

    [Fact]
    public void Passes_TwoThirds_ImpliesSimpleMajority() =>
        Tallies.Sample(t => !t.Passes(DecisionRule.TwoThirds) || t.Passes(DecisionRule.SimpleMajority));

    [Fact]
    public void Passes_AbsoluteMajority_ImpliesSimpleMajority() =>
        Tallies.Sample(t => !t.Passes(DecisionRule.AbsoluteMajority) || t.Passes(DecisionRule.SimpleMajority));

    [Fact]
    public void Passes_OneMoreYes_NeverTurnsAPassIntoAFail() =>
        Gen.Select(Tallies, Gen.Enum<DecisionRule>()).Sample(t =>
            !t.Item1.Passes(t.Item2) || (t.Item1 with { Yes = t.Item1.Yes + 1, ElectorateSize = t.Item1.ElectorateSize + 1 }).Passes(t.Item2));

    [Fact]
    public void Passes_AnAbstentionInsteadOfANo_ChangesNoOutcome() =>
        Gen.Select(Tallies, Gen.Enum<DecisionRule>()).Sample(t =>
            t.Item1.No == 0 || t.Item1.Passes(t.Item2) == (t.Item1 with { No = t.Item1.No - 1, Abstain = t.Item1.Abstain + 1 }).Passes(t.Item2));

    [Fact]
    public void With_EachChoice_CountsOneMoreOfIt()
    {
        var tally = new DecisionTally(1, 2, 3, 10);
        Assert.Equal(new DecisionTally(2, 2, 3, 10), tally.With(BallotChoice.Yes));
        Assert.Equal(new DecisionTally(1, 3, 3, 10), tally.With(BallotChoice.No));
        Assert.Equal(new DecisionTally(1, 2, 4, 10), tally.With(BallotChoice.Abstain));
        Assert.Equal(7, tally.With(BallotChoice.No).Cast);
    }
}
