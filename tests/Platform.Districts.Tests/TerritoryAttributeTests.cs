using Platform.Districts.Contracts;
using Platform.Districts.Domain;

namespace Platform.Districts.Tests;

public sealed class TerritoryAttributeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TerritoryNodeKind.Compound, "community_kind")]
    [InlineData(TerritoryNodeKind.Community, "governance_mode")]
    [InlineData(TerritoryNodeKind.Street, "households")]
    [InlineData(TerritoryNodeKind.Grid, "floor_area")]
    public void Attribute_OnAKindItDoesNotDescribe_IsRefused(TerritoryNodeKind kind, string attribute)
    {
        var attributes = attribute switch
        {
            "community_kind" => new TerritoryAttributes(CommunityKind: CommunityKind.Commercial),
            "governance_mode" => new TerritoryAttributes(GovernanceMode: GovernanceMode.FiveParty),
            "households" => new TerritoryAttributes(Households: 10),
            _ => new TerritoryAttributes(FloorArea: 100m),
        };

        var refused = Assert.Throws<TerritoryRuleException>(() => attributes.EnsureValidFor(kind));

        Assert.Equal("territory.attribute_not_applicable", refused.Code);
        Assert.Contains(attribute, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, null, null)]
    [InlineData(null, 0.0, null)]
    [InlineData(null, null, 91.0)]
    public void Attribute_OutOfRange_IsRefused(int? households, double? floorArea, double? latitude)
    {
        var attributes = new TerritoryAttributes(
            Households: households, FloorArea: (decimal?)floorArea, Location: latitude is { } lat ? new GeoPoint(lat, 116.4) : null);

        var refused = Assert.Throws<TerritoryRuleException>(() => attributes.EnsureValidFor(TerritoryNodeKind.Building));

        Assert.Equal("territory.invalid_attribute", refused.Code);
    }

    [Fact]
    public void ChangeAttributes_ReportsWhetherAnythingChanged()
    {
        var street = TerritoryNode.Create(TerritoryNodeKind.Street, "S1", "街道", null, Now);
        var community = TerritoryNode.Create(TerritoryNodeKind.Community, "C1", "社区", street, Now);
        var compound = TerritoryNode.Create(TerritoryNodeKind.Compound, "K1", "小区", community, Now, new TerritoryAttributes(Households: 100));

        Assert.False(compound.ChangeAttributes(new TerritoryAttributes(Households: 100)));
        Assert.True(compound.ChangeAttributes(new TerritoryAttributes(GovernanceMode: GovernanceMode.FiveParty, Households: 120)));
        Assert.Equal(GovernanceMode.FiveParty, compound.GovernanceMode);
        Assert.Equal(120, compound.Households);
    }

    [Theory]
    [InlineData("community", TerritoryNodeKind.Community)]
    [InlineData("社区", TerritoryNodeKind.Community)]
    [InlineData("Township", TerritoryNodeKind.Township)]
    [InlineData("楼栋", TerritoryNodeKind.Building)]
    [InlineData("院落", TerritoryNodeKind.Compound)]
    public void Vocabulary_ReadsEnglishAndChineseKinds(string word, TerritoryNodeKind kind)
    {
        Assert.True(TerritoryVocabulary.TryParseKind(word, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Fact]
    public void Vocabulary_ReadsAttributeValuesInBothLanguages()
    {
        Assert.True(TerritoryVocabulary.TryParseCommunityKind("老旧小区", out var oldEstate));
        Assert.True(TerritoryVocabulary.TryParseCommunityKind("urban_village", out var urbanVillage));
        Assert.True(TerritoryVocabulary.TryParseGovernanceMode("三社联动", out var threeSocial));
        Assert.False(TerritoryVocabulary.TryParseKind("province", out _));

        Assert.Equal(CommunityKind.OldEstate, oldEstate);
        Assert.Equal(CommunityKind.UrbanVillage, urbanVillage);
        Assert.Equal(GovernanceMode.ThreeSocial, threeSocial);
    }
}
