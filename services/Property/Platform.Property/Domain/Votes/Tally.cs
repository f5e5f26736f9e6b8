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

/// <summary>Who took part, of whom: the roll's area and owners, and the voting owners with the area of all their units.</summary>
public readonly record struct Participation(decimal TotalArea, int TotalOwners, decimal ParticipatingArea, int ParticipatingOwners);

/// <summary>The owners who made one choice on one matter, with the area of all their units.</summary>
public sealed record ChoiceCount(string MatterKey, Choice Choice, decimal Area, int Owners);

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

        var choices = voted.Values
            .SelectMany(ballot => ballot.Choices.Select(choice => (choice.Key, Choice: choice.Value, ballot.OwnerId)))
            .GroupBy(answer => (answer.Key, answer.Choice))
            .Select(group => new ChoiceCount(group.Key.Key, group.Key.Choice, group.Sum(answer => areaOf[answer.OwnerId]), group.Count()))
            .ToList();
        var byBuilding = roll.GroupBy(unit => unit.BuildingNodeId)
            .Select(building =>
            {
                var participating = building.Where(unit => voted.ContainsKey(unit.OwnerId)).ToList();
                return new BuildingTally(building.Key, building.Count(), participating.Count, participating.Sum(unit => unit.FloorArea));
            })
            .ToList();

        return Decide(
            quorum, matters, new Participation(areaOf.Values.Sum(), areaOf.Count, voted.Keys.Sum(owner => areaOf[owner]), voted.Count), choices, byBuilding);
    }

    /// <summary>
    /// Decides a vote from its counts: whether the participants reach <paramref name="quorum"/>, and each matter's
    /// approving area and owners against its pass rule. A choice nobody made counts zero.
    /// </summary>
    public static Tally Decide(
        DoubleThreshold quorum, IReadOnlyList<VoteMatter> matters, Participation participation, IReadOnlyCollection<ChoiceCount> choices,
        IReadOnlyCollection<BuildingTally> byBuilding)
    {
        ArgumentNullException.ThrowIfNull(matters);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(byBuilding);

        var (totalArea, totalOwners, participatingArea, participatingOwners) = participation;
        var quorumMet = quorum.IsMetBy(participatingArea, totalArea, participatingOwners, totalOwners);
        var counted = choices.ToDictionary(c => (c.MatterKey, c.Choice));

        var matterTallies = matters.Select(matter =>
        {
            (decimal Area, int Owners) Sum(Choice choice) =>
                counted.TryGetValue((matter.Key, choice), out var count) ? (count.Area, count.Owners) : (0m, 0);

            var approve = Sum(Choice.Approve);
            var reject = Sum(Choice.Reject);
            var abstain = Sum(Choice.Abstain);
            var passed = quorumMet && matter.Pass.IsMetBy(approve.Area, participatingArea, approve.Owners, participatingOwners);
            return new MatterTally(
                matter.Key, matter.Matter, Votes.Matters.RuleOf(matter.Matter), approve.Area, approve.Owners, reject.Area, reject.Owners,
                abstain.Area, abstain.Owners, passed);
        }).ToList();

        return new Tally(
            totalArea, totalOwners, participatingArea, participatingOwners, quorumMet, matterTallies, [.. byBuilding.OrderBy(building => building.NodeId)]);
    }
}
