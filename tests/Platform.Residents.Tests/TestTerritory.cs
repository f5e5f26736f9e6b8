using Platform.Districts.Contracts;
using Platform.Testing.Services;

namespace Platform.Residents.Tests;

/// <summary>
/// The small tree the tests publish for the demo district, as the Districts service would announce it:
/// <code>
/// 东街道 StreetA ─ 东一社区 CommunityA1 ─ 网格 GridA1 ─ 小区 CompoundA1 ─ 1号楼 BuildingA1 ─ 1单元 UnitA1
///                                                                     └ 2号楼 BuildingA1b
///               └ 东二社区 CommunityA2 ─ 小区 CompoundA2 ─ 5号楼 BuildingA2
/// 西街道 StreetB ─ 西一社区 CommunityB1 ─ 网格 GridB1 ─ 小区 CompoundB1 ─ 9号楼 BuildingB1
/// </code>
/// and one street with a building for the other district.
/// </summary>
internal static class TestTerritory
{
    public static readonly Guid StreetA = Id(1);
    public static readonly Guid CommunityA1 = Id(2);
    public static readonly Guid GridA1 = Id(3);
    public static readonly Guid CompoundA1 = Id(4);
    public static readonly Guid BuildingA1 = Id(5);
    public static readonly Guid UnitA1 = Id(6);
    public static readonly Guid BuildingA1b = Id(7);
    public static readonly Guid CommunityA2 = Id(8);
    public static readonly Guid CompoundA2 = Id(9);
    public static readonly Guid BuildingA2 = Id(10);
    public static readonly Guid StreetB = Id(11);
    public static readonly Guid CommunityB1 = Id(12);
    public static readonly Guid GridB1 = Id(13);
    public static readonly Guid CompoundB1 = Id(14);
    public static readonly Guid BuildingB1 = Id(15);
    public static readonly Guid OtherStreet = Id(21);
    public static readonly Guid OtherBuilding = Id(22);

    public static IReadOnlyList<TerritoryNodeAddedIntegrationEvent> DemoNodes(Guid tenantId)
    {
        var tree = new TestTreeBuilder(tenantId);
        tree.Add(StreetA, null, TerritoryNodeKind.Street, "东街道");
        tree.Add(CommunityA1, StreetA, TerritoryNodeKind.Community, "东一社区");
        tree.Add(GridA1, CommunityA1, TerritoryNodeKind.Grid, "东一网格");
        tree.Add(CompoundA1, GridA1, TerritoryNodeKind.Compound, "幸福小区");
        tree.Add(BuildingA1, CompoundA1, TerritoryNodeKind.Building, "1号楼");
        tree.Add(UnitA1, BuildingA1, TerritoryNodeKind.Unit, "1单元");
        tree.Add(BuildingA1b, CompoundA1, TerritoryNodeKind.Building, "2号楼");
        tree.Add(CommunityA2, StreetA, TerritoryNodeKind.Community, "东二社区");
        tree.Add(CompoundA2, CommunityA2, TerritoryNodeKind.Compound, "和平里");
        tree.Add(BuildingA2, CompoundA2, TerritoryNodeKind.Building, "5号楼");
        tree.Add(StreetB, null, TerritoryNodeKind.Street, "西街道");
        tree.Add(CommunityB1, StreetB, TerritoryNodeKind.Community, "西一社区");
        tree.Add(GridB1, CommunityB1, TerritoryNodeKind.Grid, "西一网格");
        tree.Add(CompoundB1, GridB1, TerritoryNodeKind.Compound, "安宁小区");
        tree.Add(BuildingB1, CompoundB1, TerritoryNodeKind.Building, "9号楼");
        return tree.Events;
    }

    public static IReadOnlyList<TerritoryNodeAddedIntegrationEvent> OtherNodes(Guid tenantId)
    {
        var tree = new TestTreeBuilder(tenantId);
        tree.Add(OtherStreet, null, TerritoryNodeKind.Street, "别的街道");
        tree.Add(OtherBuilding, OtherStreet, TerritoryNodeKind.Building, "别的楼");
        return tree.Events;
    }

    private static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");
}
