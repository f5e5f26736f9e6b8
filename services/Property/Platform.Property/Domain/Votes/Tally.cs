namespace Platform.Property.Domain.Votes;

/// <summary>A unit of a vote's frozen roll, as the tally counts it.</summary>
/// <param name="OwnerId">The owner it counts for.</param>
/// <param name="BuildingNodeId">Its building.</param>
/// <param name="FloorArea">Its area.</param>
public readonly record struct RollUnit(Guid OwnerId, Guid BuildingNodeId, decimal FloorArea);

/// <summary>An owner's choices, as the tally counts them.</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="Choices">The choice per matter key.</param>
public sealed record CountedBallot(Guid OwnerId, IReadOnlyDictionary<string, Choice> Choices);

/// <summary>One matter's count and result.</summary>
public sealed record MatterTally(
    string Key, Matter Matter, PassRule Rule, decimal ApproveArea, int ApproveOwners, decimal RejectArea, int RejectOwners,
    decimal AbstainArea, int AbstainOwners, bool Passed);

/// <summary>Participation in one building: a voting owner's units all count as participating, wherever they are.</summary>
public sealed record BuildingTally(Guid NodeId, int Units, int ParticipatingUnits, decimal ParticipatingArea);

/// <summary>
/// The count of a vote under Civil Code Art. 278: the quorum (participating owners hold the quorum's share of the
/// total area and are its share of the owners), then each matter's approving area and owners against its pass rule
/// over the participants. Abstentions take part without approving; without a quorum nothing passes. Areas are decimal
/// and counts integers throughout; every owner's ballot carries the area of all their units.
/// </summary>
public sealed record Tally(
    decimal TotalArea, int TotalOwners, decimal ParticipatingArea, int ParticipatingOwners, bool QuorumMet,
    IReadOnlyList<MatterTally> Matters, IReadOnlyList<BuildingTally> ByBuilding)
{
    /// <summary>Counts <paramref name="ballots"/> over the frozen <paramref name="roll"/> of a vote with <paramref name="matters"/>.</summary>
    /// <exception cref="ArgumentException">A ballot is from an owner not on the roll, or an owner has two.</exception>
    public static Tally Count(DoubleThreshold quorum, IReadOnlyList<VoteMatter> matters, IReadOnlyCollection<RollUnit> roll, IReadOnlyCollection<CountedBallot> ballots)
    {
        ArgumentNullException.ThrowIfNull(matters);
        ArgumentNullException.ThrowIfNull(roll);
        ArgumentNullException.ThrowIfNull(ballots);

        var areaOf = new Dictionary<Guid, decimal>();
        foreach (var unit in roll)
        {
            areaOf[unit.OwnerId] = areaOf.GetValueOrDefault(unit.OwnerId) + unit.FloorArea;
        }

        var voted = new Dictionary<Guid, CountedBallot>();
        foreach (var ballot in ballots)
        {
            if (!areaOf.ContainsKey(ballot.OwnerId))
            {
                throw new ArgumentException($"Owner {ballot.OwnerId} is not on the vote's roll.", nameof(ballots));
            }

            if (!voted.TryAdd(ballot.OwnerId, ballot))
            {
                throw new ArgumentException($"Owner {ballot.OwnerId} has two ballots.", nameof(ballots));
            }
        }

        var totalArea = areaOf.Values.Sum();
        var participatingArea = voted.Keys.Sum(owner => areaOf[owner]);
        var quorumMet = quorum.IsMetBy(participatingArea, totalArea, voted.Count, areaOf.Count);

        var matterTallies = matters.Select(matter =>
        {
            (decimal Area, int Owners) Sum(Choice choice)
            {
                var owners = voted.Values.Where(b => b.Choices[matter.Key] == choice).Select(b => b.OwnerId).ToList();
                return (owners.Sum(owner => areaOf[owner]), owners.Count);
            }

            var approve = Sum(Choice.Approve);
            var reject = Sum(Choice.Reject);
            var abstain = Sum(Choice.Abstain);
            var passed = quorumMet && matter.Pass.IsMetBy(approve.Area, participatingArea, approve.Owners, voted.Count);
            return new MatterTally(
                matter.Key, matter.Matter, Votes.Matters.RuleOf(matter.Matter), approve.Area, approve.Owners, reject.Area, reject.Owners,
                abstain.Area, abstain.Owners, passed);
        }).ToList();

        var byBuilding = roll.GroupBy(unit => unit.BuildingNodeId)
            .Select(building =>
            {
                var participating = building.Where(unit => voted.ContainsKey(unit.OwnerId)).ToList();
                return new BuildingTally(building.Key, building.Count(), participating.Count, participating.Sum(unit => unit.FloorArea));
            })
            .OrderBy(building => building.NodeId)
            .ToList();

        return new Tally(totalArea, areaOf.Count, participatingArea, voted.Count, quorumMet, matterTallies, byBuilding);
    }
}
