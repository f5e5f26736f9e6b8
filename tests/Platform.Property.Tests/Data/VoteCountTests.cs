using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Platform.Property.Data;
using Platform.Property.Domain.Votes;
using Platform.Property.Features.Votes;

namespace Platform.Property.Tests.Data;

/// <summary>
/// The live tally is counted by one aggregate query in PostgreSQL; over generated rolls (multi-unit owners spread over
/// buildings) and ballots on two matters it must agree exactly with the domain's count of the same roll and ballots.
/// </summary>
public sealed class VoteCountTests(PropertyFixture fixture)
{
    private static readonly Guid[] Buildings = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    private static readonly VoteMatterDraft[] Matters =
    [
        new("m1", Matter.HireOrDismissManager, "换物业?", null),
        new("m2", Matter.Rebuild, "改建?", null),
    ];

    // An owner: their units (area in cents, building), and their choices on m1 and m2 or none.
    private static readonly Gen<((int Cents, int Building)[] Units, Choice[]? Choices)[]> Rolls = Gen.Select(
            Gen.Select(Gen.Int[1, 5_000_000], Gen.Int[0, Buildings.Length - 1]).Array[1, 4],
            Gen.Enum<Choice>().Array[Matters.Length].Null(0.3))
        .Array[1, 30];

    [Fact]
    public async Task OfAsync_OfAnyRollAndBallots_EqualsTheDomainCount()
    {
        await Rolls.SampleAsync(async owners =>
        {
            await fixture.Service.InScopeAsync(PropertyFixture.Demo, async services =>
            {
                var db = services.GetRequiredService<PropertyDbContext>();
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                var vote = Vote.Draft(Guid.NewGuid(), "大修表决", now, now.AddDays(7), Matters, DecisionRules.CivilCode, "test", now);
                var ids = owners.Select(_ => Guid.NewGuid()).ToList();
                var roll = owners.SelectMany((owner, i) => owner.Units.Select(unit => new RollUnit(ids[i], Buildings[unit.Building], unit.Cents / 100m))).ToList();
                vote.Open(roll.Sum(u => u.FloorArea), ids.Count, "test", now);
                var ballots = owners.Select((owner, i) => (Owner: ids[i], owner.Choices)).Where(o => o.Choices is not null)
                    .Select(o => new CountedBallot(o.Owner, Matters.Select((m, k) => (m.Key, o.Choices![k])).ToDictionary()))
                    .ToList();

                db.VoteRolls.AddRange(roll.Select((unit, n) => VoteRollEntry.Freeze(vote.Id, Guid.NewGuid(), $"u{n}", unit.OwnerId, unit.BuildingNodeId, unit.FloorArea)));
                db.Ballots.AddRange(ballots.Select(b => Ballot.Cast(vote, b.OwnerId, "u0", b.Choices, BallotChannel.Online, null, null, "test", now)));
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);

                var counted = await VoteCount.OfAsync(vote, db, TestContext.Current.CancellationToken);

                var expected = Tally.Count(vote.Quorum, vote.Matters, roll, ballots);
                Assert.Equal(
                    (expected.TotalArea, expected.TotalOwners, expected.ParticipatingArea, expected.ParticipatingOwners, expected.QuorumMet),
                    (counted.TotalArea, counted.TotalOwners, counted.ParticipatingArea, counted.ParticipatingOwners, counted.QuorumMet));
                Assert.Equal(expected.Matters, counted.Matters);
                Assert.Equal(expected.ByBuilding, counted.ByBuilding);
            });
        }, iter: 100);
    }
}
