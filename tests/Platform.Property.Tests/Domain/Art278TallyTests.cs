using Platform.Domain;
using Platform.Property.Domain;
using Platform.Property.Domain.Roll;
using Platform.Property.Domain.Votes;
using static Platform.Property.Domain.Votes.Choice;
using static Platform.Property.Tests.TestHolders;

namespace Platform.Property.Tests.Domain;

/// <summary>The Civil Code Art. 278 cases, edges included, with their exact outcomes.</summary>
public sealed class Art278TallyTests
{
    public static TheoryData<string, TallyScenario, Matter, bool, bool> Cases => new()
    {
        // Quorum: ≥ 2/3 of the area AND ≥ 2/3 of the owners take part.
        { "exactly 2/3 of area, one owner short of 2/3 of heads", new TallyScenario().Voting(5, 120m, Approve).Absent(4, 75m), Matter.HireOrDismissManager, false, false },
        { "exactly 2/3 of area and of heads", new TallyScenario().Voting(6, 100m, Approve).Absent(3, 100m), Matter.HireOrDismissManager, true, true },
        { "2/3 of heads, area 0.01 m² short of 2/3", new TallyScenario().Voting(5, 100m, Approve).Voting(1, 99.99m, Approve).Absent(3, 100m), Matter.HireOrDismissManager, false, false },
        { "nobody votes", new TallyScenario().Absent(3, 90m), Matter.OtherMajor, false, false },
        // 3/4 matters: ≥ 3/4 of the participating area AND owners.
        { "exactly 3/4 on a 3/4 matter", new TallyScenario().Voting(6, 100m, Approve).Voting(2, 100m, Reject), Matter.Rebuild, true, true },
        { "3/4 of heads, area 0.01 m² short of 3/4", new TallyScenario().Voting(5, 100m, Approve).Voting(1, 99.99m, Approve).Voting(2, 100m, Reject), Matter.RaiseMaintenanceFund, true, false },
        { "3/4 of area, one owner short of 3/4 of heads", new TallyScenario().Voting(5, 120m, Approve).Voting(3, 66.66m, Reject), Matter.ChangeCommonUse, true, false },
        // Majority matters: > 1/2 of the participating area AND owners.
        { "exactly 1/2 on a majority matter", new TallyScenario().Voting(4, 100m, Approve).Voting(4, 100m, Reject), Matter.HireOrDismissManager, true, false },
        { "one owner over 1/2", new TallyScenario().Voting(5, 100m, Approve).Voting(4, 100m, Reject), Matter.ElectCommittee, true, true },
        { "area over 1/2, heads under", new TallyScenario().Voting(3, 200m, Approve).Voting(5, 40m, Reject), Matter.ManagementCovenant, true, false },
        { "heads over 1/2, area exactly 1/2", new TallyScenario().Voting(5, 80m, Approve).Voting(4, 100m, Reject), Matter.RulesOfProcedure, true, false },
        // Abstaining owners take part (towards quorum and the denominator) but do not approve.
        { "abstentions leave approvals at exactly 1/2", new TallyScenario().Voting(4, 100m, Approve).Voting(1, 100m, Reject).Voting(3, 100m, Abstain), Matter.UseMaintenanceFund, true, false },
        { "abstentions, approvals over 1/2", new TallyScenario().Voting(5, 100m, Approve).Voting(3, 100m, Abstain), Matter.UseMaintenanceFund, true, true },
        { "abstainers make the quorum", new TallyScenario().Voting(2, 100m, Approve).Voting(4, 100m, Abstain).Absent(3, 100m), Matter.OtherMajor, true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Count_OfTheCase_HasTheExactOutcome(string name, TallyScenario scenario, Matter matter, bool quorum, bool passed)
    {
        var tally = scenario.Count(matter);

        Assert.True(quorum == tally.QuorumMet, $"{name}: quorum {tally.QuorumMet}");
        Assert.True(passed == tally.Matters[0].Passed, $"{name}: passed {tally.Matters[0].Passed}");
    }

    [Fact]
    public void Count_OfAMultiUnitOwner_CountsOneHeadWithAllTheirArea()
    {
        var scenario = new TallyScenario();
        var big = scenario.Owner([60m, 70.25m, 80m]);
        scenario.Vote(big, Approve).Voting(1, 50m, Reject).Absent(1, 10m);

        var tally = scenario.Count(Matter.OtherMajor);

        Assert.Equal(3, tally.TotalOwners);
        Assert.Equal(270.25m, tally.TotalArea);
        Assert.Equal(2, tally.ParticipatingOwners);
        Assert.Equal(260.25m, tally.ParticipatingArea);
        Assert.Equal((210.25m, 1), (tally.Matters[0].ApproveArea, tally.Matters[0].ApproveOwners));
        // 1 of 2 heads is not more than half: the big owner alone does not carry a majority matter.
        Assert.False(tally.Matters[0].Passed);
    }

    [Fact]
    public void Count_OfARollWithCoHoldersAndTheDeveloper_CountsOwnersAsTheLawDoes()
    {
        // A holds two units; A with B one more; the developer two unsold; C bought one not yet delivered; D one delivered.
        (bool Delivered, UnitHolder[] Holders)[] units =
        [
            (true, [Person(1)]), (true, [Person(1)]), (true, [Person(1), Person(2)]),
            (true, [Developer()]), (true, [Developer()]), (false, [Person(3)]), (true, [Person(4)]),
        ];
        var owners = new Dictionary<string, Guid>();
        var scenario = new TallyScenario();
        foreach (var (delivered, holders) in units)
        {
            var key = OwnerKey.Of(delivered, holders);
            if (!owners.TryGetValue(key, out var owner))
            {
                owners[key] = owner = scenario.Owner([]);
            }

            scenario.Unit(owner, 100m, TallyScenario.BuildingOne);
        }

        scenario.Vote(owners[OwnerKey.Of(true, [Person(1)])], Approve).Vote(owners[OwnerKey.Developer], Approve);

        var tally = scenario.Count(Matter.OtherMajor);

        // A; {A, B}; the developer (unsold and undelivered together); D.
        Assert.Equal(4, tally.TotalOwners);
        Assert.Equal(700m, tally.TotalArea);
        // A's two units and the developer's three carry 500 m² of 700 (≥ 2/3), but 2 of 4 heads are not 2/3.
        Assert.Equal(500m, tally.ParticipatingArea);
        Assert.False(tally.QuorumMet);
    }

    [Fact]
    public void Count_ByBuilding_CountsEveryUnitOfAVotingOwnerWhereverItIs()
    {
        var scenario = new TallyScenario();
        var owner = scenario.Owner(90m, TallyScenario.BuildingOne);
        scenario.Unit(owner, 45.5m, TallyScenario.BuildingTwo).Vote(owner, Approve);
        scenario.Owner(70m, TallyScenario.BuildingTwo);

        var tally = scenario.Count(Matter.OtherMajor);

        var one = tally.ByBuilding.Single(b => b.NodeId == TallyScenario.BuildingOne);
        var two = tally.ByBuilding.Single(b => b.NodeId == TallyScenario.BuildingTwo);
        Assert.Equal((1, 1, 90m), (one.Units, one.ParticipatingUnits, one.ParticipatingArea));
        Assert.Equal((2, 1, 45.5m), (two.Units, two.ParticipatingUnits, two.ParticipatingArea));
    }

    [Fact]
    public void Count_UnderAStricterDistrictRule_FailsWhatTheLawWouldPass()
    {
        var rules = DecisionRules.Stricter(null, new Dictionary<Matter, DoubleThreshold>
        {
            [Matter.Rebuild] = new(new Threshold(4, 5, Inclusive: true), Threshold.ThreeQuarters),
        });
        var scenario = new TallyScenario().Voting(6, 100m, Approve).Voting(2, 100m, Reject);

        Assert.True(scenario.Count(Matter.Rebuild).Matters[0].Passed);
        Assert.False(scenario.Count(Matter.Rebuild, rules).Matters[0].Passed);
        Assert.Equal(PassRule.ThreeQuarters, scenario.Count(Matter.Rebuild, rules).Matters[0].Rule);
    }

    [Theory]
    [InlineData(null, ">=3/5", ">=2/3")]
    [InlineData(Matter.Rebuild, ">=2/3", ">=3/4")]
    [InlineData(Matter.HireOrDismissManager, ">=1/2", ">1/2")]
    [InlineData(Matter.OtherMajor, ">1/3", ">=2/3")]
    public void Stricter_WithARuleLooserThanTheLaw_IsRefused(Matter? matter, string area, string owners)
    {
        Threshold.TryParse(area, out var areaThreshold, out _);
        Threshold.TryParse(owners, out var ownersThreshold, out _);
        var rule = new DoubleThreshold(areaThreshold, ownersThreshold);

        var refusal = Assert.Throws<DomainException>(() => matter is { } m
            ? DecisionRules.Stricter(null, new Dictionary<Matter, DoubleThreshold> { [m] = rule })
            : DecisionRules.Stricter(rule, new Dictionary<Matter, DoubleThreshold>()));

        Assert.Equal(PropertyErrors.RuleLooserThanLaw, refusal.Error);
    }

    [Theory]
    [InlineData(">=1/2", ">1/2", false)]
    [InlineData(">1/2", ">=1/2", true)]
    [InlineData(">=3/4", ">=3/4", true)]
    [InlineData(">=7/10", ">=2/3", true)]
    [InlineData(">=2/3", ">=7/10", false)]
    [InlineData(">1/2", ">1/2", true)]
    public void IsAtLeastAsStrictAs_ComparesFractionsExactly(string mine, string law, bool stricter)
    {
        Threshold.TryParse(mine, out var m, out _);
        Threshold.TryParse(law, out var l, out _);

        Assert.Equal(stricter, m.IsAtLeastAsStrictAs(l));
    }

    [Theory]
    [InlineData("2/3")]
    [InlineData(">=3/0")]
    [InlineData(">=4/3")]
    [InlineData(">1/1")]
    [InlineData(">=a/3")]
    [InlineData(">=-1/3")]
    public void TryParse_OfAMalformedThreshold_Fails(string text)
    {
        Assert.False(Threshold.TryParse(text, out _, out _));
    }
}
