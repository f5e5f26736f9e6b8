using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.Testing.Services;

namespace Platform.PartyBuilding.Tests;

/// <summary>
/// The tree the tests publish for the demo district:
/// <code>
/// 东街道 StreetA ─ 东一社区 CommunityA1 ─ 东一网格 GridA1 ─ 1号楼 BuildingA1
///               └ 东二社区 CommunityA2 ─ 东二网格 GridA2
/// 西街道 StreetB ─ 西一社区 CommunityB1
/// </code>
/// and one street with a community for the other district.
/// </summary>
internal static class TestTerritory
{
    public static readonly Guid StreetA = Id(1);
    public static readonly Guid CommunityA1 = Id(2);
    public static readonly Guid GridA1 = Id(3);
    public static readonly Guid BuildingA1 = Id(4);
    public static readonly Guid CommunityA2 = Id(5);
    public static readonly Guid GridA2 = Id(6);
    public static readonly Guid StreetB = Id(11);
    public static readonly Guid CommunityB1 = Id(12);
    public static readonly Guid OtherStreet = Id(21);
    public static readonly Guid OtherCommunity = Id(22);

    public static TerritoryTreeEvents DemoTree(TenantInfo tenant) => new TerritoryTreeEvents(tenant)
        .Add(StreetA, null, TerritoryNodeKind.Street, "东街道")
        .Add(CommunityA1, StreetA, TerritoryNodeKind.Community, "东一社区")
        .Add(GridA1, CommunityA1, TerritoryNodeKind.Grid, "东一网格")
        .Add(BuildingA1, GridA1, TerritoryNodeKind.Building, "1号楼")
        .Add(CommunityA2, StreetA, TerritoryNodeKind.Community, "东二社区")
        .Add(GridA2, CommunityA2, TerritoryNodeKind.Grid, "东二网格")
        .Add(StreetB, null, TerritoryNodeKind.Street, "西街道")
        .Add(CommunityB1, StreetB, TerritoryNodeKind.Community, "西一社区");

    public static TerritoryTreeEvents OtherTree(TenantInfo tenant) => new TerritoryTreeEvents(tenant)
        .Add(OtherStreet, null, TerritoryNodeKind.Street, "别的街道")
        .Add(OtherCommunity, OtherStreet, TerritoryNodeKind.Community, "别的社区");

    private static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");
}
