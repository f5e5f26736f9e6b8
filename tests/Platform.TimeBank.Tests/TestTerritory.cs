using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.Testing.Services;

namespace Platform.TimeBank.Tests;

/// <summary>
/// The tree the tests publish: in the demo district 东街道 StreetA with communities 东一社区 CommunityA1 and 东二社区
/// CommunityA2, and 西街道 StreetB with 西一社区 CommunityB1; in the other district one street with one community.
/// </summary>
internal static class TestTerritory
{
    public static readonly Guid StreetA = Id(1);
    public static readonly Guid CommunityA1 = Id(2);
    public static readonly Guid CommunityA2 = Id(3);
    public static readonly Guid StreetB = Id(4);
    public static readonly Guid CommunityB1 = Id(5);
    public static readonly Guid OtherStreet = Id(21);
    public static readonly Guid OtherCommunity = Id(22);

    public static TerritoryTreeEvents DemoTree(TenantInfo tenant) => new TerritoryTreeEvents(tenant)
        .Add(StreetA, null, TerritoryNodeKind.Street, "东街道")
        .Add(CommunityA1, StreetA, TerritoryNodeKind.Community, "东一社区")
        .Add(CommunityA2, StreetA, TerritoryNodeKind.Community, "东二社区")
        .Add(StreetB, null, TerritoryNodeKind.Street, "西街道")
        .Add(CommunityB1, StreetB, TerritoryNodeKind.Community, "西一社区");

    public static TerritoryTreeEvents OtherTree(TenantInfo tenant) => new TerritoryTreeEvents(tenant)
        .Add(OtherStreet, null, TerritoryNodeKind.Street, "别的街道")
        .Add(OtherCommunity, OtherStreet, TerritoryNodeKind.Community, "别的社区");

    private static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");
}
