using Platform.Property.Domain.Votes;

namespace Platform.Property.Tests.Domain;

/// <summary>A vote's frozen roll and its ballots, written owner by owner, for the tally's tests.</summary>
public sealed class TallyScenario
{
    /// <summary>A building.</summary>
    public static readonly Guid BuildingOne = Guid.Parse("00000000-0000-0000-0000-000000000b01");
    /// <summary>Another building.</summary>
    public static readonly Guid BuildingTwo = Guid.Parse("00000000-0000-0000-0000-000000000b02");

    private readonly List<RollUnit> _roll = [];
    private readonly List<CountedBallot> _ballots = [];

    /// <summary><paramref name="count"/> owners, each holding one unit of <paramref name="area"/> m², who do not vote.</summary>
    public TallyScenario Absent(int count, decimal area)
    {
        for (var i = 0; i < count; i++)
        {
            Owner(area);
        }

        return this;
    }

    /// <summary><paramref name="count"/> owners, each holding one unit of <paramref name="area"/> m², who answer every matter with <paramref name="choice"/>.</summary>
    public TallyScenario Voting(int count, decimal area, Choice choice)
    {
        for (var i = 0; i < count; i++)
        {
            Vote(Owner(area), choice);
        }

        return this;
    }

    /// <summary>An owner of one unit of <paramref name="area"/> m² (in building one, or as <paramref name="building"/> says).</summary>
    public Guid Owner(decimal area, Guid? building = null) => Owner([area], building);

    /// <summary>An owner of several units.</summary>
    public Guid Owner(IEnumerable<decimal> areas, Guid? building = null)
    {
        var owner = Guid.NewGuid();
        _roll.AddRange(areas.Select(a => new RollUnit(owner, building ?? BuildingOne, a)));
        return owner;
    }

    /// <summary>A unit of an owner in a building.</summary>
    public TallyScenario Unit(Guid owner, decimal area, Guid building)
    {
        _roll.Add(new RollUnit(owner, building, area));
        return this;
    }

    /// <summary>The owner's ballot, the same choice on every matter.</summary>
    public TallyScenario Vote(Guid owner, Choice choice)
    {
        _ballots.Add(new CountedBallot(owner, new Dictionary<string, Choice> { ["m1"] = choice }));
        return this;
    }

    /// <summary>The tally of matter m1 (<paramref name="matter"/>) under <paramref name="rules"/> (default the Civil Code's).</summary>
    public Tally Count(Matter matter, DecisionRules? rules = null)
    {
        var decided = rules ?? DecisionRules.CivilCode;
        return Tally.Count(decided.Quorum, [new VoteMatter("m1", matter, "?", null, decided.PassOf(matter))], _roll, _ballots);
    }
}
