using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.PartyBuilding.Domain;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Tests;

/// <summary>The rules of the party organisations, on the entities themselves.</summary>
public sealed class OrganisationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TerritoryReplicaNode Street = Node(null, TerritoryNodeKind.Street);
    private static readonly TerritoryReplicaNode Community = Node(Street, TerritoryNodeKind.Community);
    private static readonly TerritoryReplicaNode Grid = Node(Community, TerritoryNodeKind.Grid);
    private static readonly TerritoryReplicaNode Building = Node(Grid, TerritoryNodeKind.Building);
    private static readonly TerritoryReplicaNode OtherStreet = Node(null, TerritoryNodeKind.Street);
    private static readonly TerritoryReplicaNode OtherCommunity = Node(OtherStreet, TerritoryNodeKind.Community);

    [Fact]
    public void Establish_TheWholeChainTopDown_SitsEachUnderTheLevelAbove()
    {
        var committee = PartyOrganisation.Establish("东街道党工委", PartyOrganisationLevel.StreetWorkingCommittee, Street, null, Now);
        var community = PartyOrganisation.Establish("东一社区党委", PartyOrganisationLevel.CommunityCommittee, Community, committee, Now);
        var branch = PartyOrganisation.Establish("东一网格党支部", PartyOrganisationLevel.GridBranch, Grid, community, Now);
        var group = PartyOrganisation.Establish("1号楼党小组", PartyOrganisationLevel.BuildingGroup, Building, branch, Now);

        Assert.Null(committee.ParentId);
        Assert.Equal(committee.Id, community.ParentId);
        Assert.Equal(community.Id, branch.ParentId);
        Assert.Equal(branch.Id, group.ParentId);
        Assert.Equal(Building.Path, group.NodePath);
    }

    [Theory]
    [InlineData(PartyOrganisationLevel.StreetWorkingCommittee, TerritoryNodeKind.Community)]
    [InlineData(PartyOrganisationLevel.CommunityCommittee, TerritoryNodeKind.Street)]
    [InlineData(PartyOrganisationLevel.CommunityCommittee, TerritoryNodeKind.Grid)]
    [InlineData(PartyOrganisationLevel.GridBranch, TerritoryNodeKind.Building)]
    [InlineData(PartyOrganisationLevel.BuildingGroup, TerritoryNodeKind.Unit)]
    public void Establish_OnANodeOfTheWrongKind_IsRefused(PartyOrganisationLevel level, TerritoryNodeKind kind)
    {
        var node = new TerritoryReplicaNode { Id = Guid.NewGuid(), Kind = kind, Path = $"{Street.Path}{Guid.NewGuid()}/" };

        var refusal = Assert.Throws<DomainException>(() => PartyOrganisation.Establish("党组织", level, node, null, Now));

        Assert.Equal(PartyBuildingErrors.InvalidNode, refusal.Error);
    }

    [Fact]
    public void Establish_OnARetiredNode_IsRefused()
    {
        var retired = new TerritoryReplicaNode { Id = Guid.NewGuid(), Kind = TerritoryNodeKind.Street, Path = $"/{Guid.NewGuid()}/", Retired = true };

        var refusal = Assert.Throws<DomainException>(() => PartyOrganisation.Establish("党工委", PartyOrganisationLevel.StreetWorkingCommittee, retired, null, Now));

        Assert.Equal(PartyBuildingErrors.InvalidNode, refusal.Error);
    }

    [Fact]
    public void Establish_WithoutTheLevelAbove_IsRefusedNamingTheLevelRequired()
    {
        var refusal = Assert.Throws<DomainException>(() => PartyOrganisation.Establish("社区党委", PartyOrganisationLevel.CommunityCommittee, Community, null, Now));

        Assert.Equal(PartyBuildingErrors.ParentOrganisationMissing, refusal.Error);
        Assert.Equal("street_working_committee", refusal.Facts["requiredParentLevel"]);
    }

    [Fact]
    public void Establish_UnderAnOrganisationOfAnotherSubtree_IsRefused()
    {
        var otherCommittee = PartyOrganisation.Establish("别的党工委", PartyOrganisationLevel.StreetWorkingCommittee, OtherStreet, null, Now);

        var refusal = Assert.Throws<DomainException>(() => PartyOrganisation.Establish("社区党委", PartyOrganisationLevel.CommunityCommittee, Community, otherCommittee, Now));

        Assert.Equal(PartyBuildingErrors.ParentOrganisationMissing, refusal.Error);
    }

    [Fact]
    public void Establish_UnderTheWrongLevel_IsRefused()
    {
        var committee = PartyOrganisation.Establish("党工委", PartyOrganisationLevel.StreetWorkingCommittee, Street, null, Now);

        // A grid branch sits under a community committee, not directly under the street's committee.
        var refusal = Assert.Throws<DomainException>(() => PartyOrganisation.Establish("网格支部", PartyOrganisationLevel.GridBranch, Grid, committee, Now));

        Assert.Equal(PartyBuildingErrors.ParentOrganisationMissing, refusal.Error);
    }

    [Fact]
    public void Register_InThisDistrictWithAStreet_KeepsTheStreetsPath()
    {
        var workplace = WorkplaceOrganisation.Register(
            "区人民医院党委", WorkplaceKind.PublicInstitution, Street, 120, new WorkplaceRecords(WorkplaceRecordsLocation.ThisDistrict, null, null), Now);

        Assert.Equal(Street.Id, workplace.StreetNodeId);
        Assert.Equal(Street.Path, workplace.NodePath);
        Assert.Equal(120, workplace.DeclaredMembers);
    }

    [Fact]
    public void Register_InThisDistrictWithoutAStreet_IsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => WorkplaceOrganisation.Register(
            "区人民医院党委", WorkplaceKind.PublicInstitution, null, 120, new WorkplaceRecords(WorkplaceRecordsLocation.ThisDistrict, null, null), Now));

        Assert.Equal(PartyBuildingErrors.InvalidRecordsLocation, refusal.Error);
    }

    [Fact]
    public void Register_InAnotherDistrictWithoutAStreet_BelongsToTheDistrictsRoot()
    {
        var records = new WorkplaceRecords(WorkplaceRecordsLocation.OtherDistrict, Guid.NewGuid(), Guid.NewGuid());

        var workplace = WorkplaceOrganisation.Register("市财政局机关党委", WorkplaceKind.GovernmentOrgan, null, 40, records, Now);

        Assert.Null(workplace.StreetNodeId);
        Assert.Equal(TerritoryPath.Root, workplace.NodePath);
        Assert.Equal(records, workplace.Records);
    }

    [Theory]
    [InlineData(WorkplaceRecordsLocation.OtherDistrict, false, true)]
    [InlineData(WorkplaceRecordsLocation.OtherDistrict, true, false)]
    [InlineData(WorkplaceRecordsLocation.OutsidePlatform, true, true)]
    [InlineData(WorkplaceRecordsLocation.ThisDistrict, true, false)]
    public void Register_WithRecordsThatDoNotFitTheirLocation_IsRefused(WorkplaceRecordsLocation location, bool district, bool organisation)
    {
        var records = new WorkplaceRecords(location, district ? Guid.NewGuid() : null, organisation ? Guid.NewGuid() : null);

        var refusal = Assert.Throws<DomainException>(() => WorkplaceOrganisation.Register("某单位党支部", WorkplaceKind.NonPublicEnterprise, Street, 3, records, Now));

        Assert.Equal(PartyBuildingErrors.InvalidRecordsLocation, refusal.Error);
    }

    [Fact]
    public void Register_InACommunityInsteadOfAStreet_IsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => WorkplaceOrganisation.Register(
            "某单位党支部", WorkplaceKind.NonPublicEnterprise, OtherCommunity, 3, new WorkplaceRecords(WorkplaceRecordsLocation.ThisDistrict, null, null), Now));

        Assert.Equal(PartyBuildingErrors.InvalidStreet, refusal.Error);
    }

    [Fact]
    public void Place_AWorkplaceThatMoves_KeepsItsId()
    {
        var workplace = WorkplaceOrganisation.Register(
            "某公司党支部", WorkplaceKind.NonPublicEnterprise, Street, 8, new WorkplaceRecords(WorkplaceRecordsLocation.ThisDistrict, null, null), Now);
        var id = workplace.Id;

        workplace.Place(null, new WorkplaceRecords(WorkplaceRecordsLocation.OutsidePlatform, null, null), Now.AddDays(1));

        Assert.Equal(id, workplace.Id);
        Assert.Equal(TerritoryPath.Root, workplace.NodePath);
        Assert.Equal(WorkplaceRecordsLocation.OutsidePlatform, workplace.RecordsLocation);
    }

    private static TerritoryReplicaNode Node(TerritoryReplicaNode? parent, TerritoryNodeKind kind)
    {
        var id = Guid.NewGuid();
        return new TerritoryReplicaNode { Id = id, ParentId = parent?.Id, Kind = kind, Path = TerritoryPath.Of(parent?.Path, id) };
    }
}
