using CsCheck;
using Platform.Property.Domain.Votes;

namespace Platform.Property.Tests.Domain;

/// <summary>
/// The tally over generated rolls and ballots: it agrees with a recomputation in whole cents and integer cross
/// multiplication, and neither the order of ballots nor the order of the roll changes it.
/// </summary>
public sealed class TallyPropertyTests
{
    private static readonly Guid[] Buildings = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    // An owner: their units (area in cents, building) and their vote (0 absent, else 1 + the choice).
    private static readonly Gen<(int Cents, int Building)[]> Units = Gen.Select(Gen.Int[1, 50_000], Gen.Int[0, 2]).Array[1, 4];

    private static readonly Gen<GeneratedVote> Votes = Gen.Select(Gen.Select(Units, Gen.Int[0, 3]).Array[1, 40], Gen.Int[0, 8])
        .Select(generated => new GeneratedVote(
            [.. generated.Item1.Select(owner => new GeneratedOwner(Guid.NewGuid(), owner.Item1, owner.Item2))], (Matter)generated.Item2));

    [Fact]
    public void Count_OfAnyRollAndBallots_EqualsARecomputationInCents()
    {
        Votes.Sample(vote =>
        {
            var tally = vote.Count();

            var totalCents = vote.Owners.Sum(o => o.UnitCents);
            var voters = vote.Owners.Where(o => o.Vote != 0).ToList();
            var participatingCents = voters.Sum(o => o.UnitCents);
            var quorum = 3 * participatingCents >= 2 * totalCents && 3 * voters.Count >= 2 * vote.Owners.Length;
            var approvers = voters.Where(o => o.Vote == 1 + (int)Choice.Approve).ToList();
            var approveCents = approvers.Sum(o => o.UnitCents);
            var threeQuarters = vote.Matter is Matter.RaiseMaintenanceFund or Matter.Rebuild or Matter.ChangeCommonUse;
            var passes = threeQuarters
                ? 4 * approveCents >= 3 * participatingCents && 4 * approvers.Count >= 3 * voters.Count
                : 2 * approveCents > participatingCents && 2 * approvers.Count > voters.Count;

            Assert.Equal(totalCents, tally.TotalArea * 100);
            Assert.Equal(vote.Owners.Length, tally.TotalOwners);
            Assert.Equal(participatingCents, tally.ParticipatingArea * 100);
            Assert.Equal(voters.Count, tally.ParticipatingOwners);
            Assert.Equal(quorum, tally.QuorumMet);
            Assert.Equal(quorum && passes, tally.Matters[0].Passed);
            Assert.Equal(approveCents, tally.Matters[0].ApproveArea * 100);
            Assert.Equal(voters.Count, tally.Matters[0].ApproveOwners + tally.Matters[0].RejectOwners + tally.Matters[0].AbstainOwners);
            Assert.Equal(tally.ParticipatingArea, tally.Matters[0].ApproveArea + tally.Matters[0].RejectArea + tally.Matters[0].AbstainArea);
            foreach (var building in tally.ByBuilding)
            {
                var index = Array.IndexOf(Buildings, building.NodeId);
                var units = vote.Owners.SelectMany(o => o.Units.Where(u => u.Building == index).Select(u => (o.Vote, u.Cents))).ToList();
                Assert.Equal(units.Count, building.Units);
                Assert.Equal(units.Count(u => u.Vote != 0), building.ParticipatingUnits);
                Assert.Equal(units.Where(u => u.Vote != 0).Sum(u => (long)u.Cents), building.ParticipatingArea * 100);
            }
        }, iter: 2000);
    }

    [Fact]
    public void Count_OfShuffledBallotsAndRoll_IsTheSame()
    {
        Gen.Select(Votes, Gen.Int[0, int.MaxValue]).Sample(generated =>
        {
            var (vote, seed) = generated;
            var random = new Random(seed);
            var roll = vote.Roll();
            var ballots = vote.Ballots();

            var shuffled = Tally.Count(GeneratedVote.Rules.Quorum, vote.Matters(), [.. roll.OrderBy(_ => random.Next())], [.. ballots.OrderBy(_ => random.Next())]);

            AssertSame(vote.Count(), shuffled);
        }, iter: 500);
    }

    [Fact]
    public void Count_WhenAnOwnerTurnsFromRejectToApprove_NeverUnpassesTheMatter()
    {
        Votes.Sample(vote =>
        {
            var before = vote.Count();
            var turned = vote with { Owners = [.. vote.Owners.Select(o => o.Vote == 1 + (int)Choice.Reject ? o with { Vote = 1 + (int)Choice.Approve } : o)] };

            Assert.True(!before.Matters[0].Passed || turned.Count().Matters[0].Passed);
        }, iter: 500);
    }

    private static void AssertSame(Tally expected, Tally actual)
    {
        Assert.Equal(
            (expected.TotalArea, expected.TotalOwners, expected.ParticipatingArea, expected.ParticipatingOwners, expected.QuorumMet),
            (actual.TotalArea, actual.TotalOwners, actual.ParticipatingArea, actual.ParticipatingOwners, actual.QuorumMet));
        Assert.Equal(expected.Matters, actual.Matters);
        Assert.Equal(expected.ByBuilding, actual.ByBuilding);
    }

    internal sealed record GeneratedOwner(Guid Id, (int Cents, int Building)[] Units, int Vote)
    {
        public long UnitCents => Units.Sum(u => (long)u.Cents);
    }

    internal sealed record GeneratedVote(GeneratedOwner[] Owners, Matter Matter)
    {
        public static DecisionRules Rules => DecisionRules.CivilCode;

        public List<VoteMatter> Matters() => [new VoteMatter("m1", Matter, "?", null, Rules.PassOf(Matter))];

        public List<RollUnit> Roll() => [.. Owners.SelectMany(o => o.Units.Select(u => new RollUnit(o.Id, Buildings[u.Building], u.Cents / 100m)))];

        public List<CountedBallot> Ballots() =>
            [.. Owners.Where(o => o.Vote != 0).Select(o => new CountedBallot(o.Id, new Dictionary<string, Choice> { ["m1"] = (Choice)(o.Vote - 1) }))];

        public Tally Count() => Tally.Count(Rules.Quorum, Matters(), Roll(), Ballots());
    }
}
