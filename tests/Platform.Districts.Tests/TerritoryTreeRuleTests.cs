using Platform.Districts.Contracts;
using Platform.Districts.Domain;

namespace Platform.Districts.Tests;

public sealed class TerritoryTreeRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));

    private static TerritoryNode Node(TerritoryNodeKind kind, TerritoryNode? parent, string? code = null) =>
        TerritoryNode.Create(kind, code ?? Guid.NewGuid().ToString("N")[..8], kind.ToString(), parent, Now);

    [Theory]
    [InlineData(null, TerritoryNodeKind.Street, true)]
    [InlineData(null, TerritoryNodeKind.Town, true)]
    [InlineData(null, TerritoryNodeKind.Community, false)]
    [InlineData(TerritoryNodeKind.Street, TerritoryNodeKind.Community, true)]
    [InlineData(TerritoryNodeKind.Town, TerritoryNodeKind.Village, true)]
    [InlineData(TerritoryNodeKind.Street, TerritoryNodeKind.Building, false)]
    [InlineData(TerritoryNodeKind.Community, TerritoryNodeKind.Grid, true)]
    [InlineData(TerritoryNodeKind.Community, TerritoryNodeKind.Compound, true)]
    [InlineData(TerritoryNodeKind.Grid, TerritoryNodeKind.Compound, true)]
    [InlineData(TerritoryNodeKind.Grid, TerritoryNodeKind.Community, false)]
    [InlineData(TerritoryNodeKind.Compound, TerritoryNodeKind.Building, true)]
    [InlineData(TerritoryNodeKind.Building, TerritoryNodeKind.Unit, true)]
    [InlineData(TerritoryNodeKind.Unit, TerritoryNodeKind.Unit, false)]
    public void Nesting_FollowsTheTerritoryHierarchy(TerritoryNodeKind? parent, TerritoryNodeKind child, bool allowed) =>
        Assert.Equal(allowed, TerritoryNesting.Allows(parent, child));

    [Fact]
    public void Create_BuildsTheMaterialisedPathFromTheParent()
    {
        var street = Node(TerritoryNodeKind.Street, null);
        var community = Node(TerritoryNodeKind.Community, street);

        Assert.Equal($"/{street.Id}/", street.Path);
        Assert.Equal($"/{street.Id}/{community.Id}/", community.Path);
        Assert.Equal(2, community.Depth);
        Assert.Equal(street.Id, community.ParentId);
    }

    [Fact]
    public void Create_InTheWrongPlaceOrUnderARetiredParent_IsRefused()
    {
        var street = Node(TerritoryNodeKind.Street, null);
        var wrongKind = Assert.Throws<TerritoryRuleException>(() => Node(TerritoryNodeKind.Building, street));
        street.Retire(hasActiveChildren: false, Now);
        var retired = Assert.Throws<TerritoryRuleException>(() => Node(TerritoryNodeKind.Community, street));

        Assert.Equal("territory.kind_not_allowed_here", wrongKind.Code);
        Assert.Equal("territory.parent_retired", retired.Code);
    }

    [Fact]
    public void Move_KeepsTheSubtree_ByReportingThePrefixToRewrite()
    {
        var north = Node(TerritoryNodeKind.Street, null);
        var south = Node(TerritoryNodeKind.Street, null);
        var community = Node(TerritoryNodeKind.Community, north);
        var grid = Node(TerritoryNodeKind.Grid, community);

        var (oldPath, _) = community.MoveUnder(south, [grid]);

        Assert.Equal($"/{north.Id}/{community.Id}/", oldPath);
        Assert.Equal($"/{south.Id}/{community.Id}/", community.Path);
        Assert.Equal($"/{south.Id}/{community.Id}/{grid.Id}/", grid.Path);
        Assert.Equal(south.Id, community.ParentId);
    }

    [Fact]
    public void Move_UnderItselfOrADescendant_IsACycleAndRefused()
    {
        var street = Node(TerritoryNodeKind.Street, null);
        var community = Node(TerritoryNodeKind.Community, street);

        Assert.Equal("territory.move_into_own_subtree", Assert.Throws<TerritoryRuleException>(() => community.MoveUnder(community, [])).Code);
        Assert.Equal("territory.move_into_own_subtree", Assert.Throws<TerritoryRuleException>(() => street.MoveUnder(community, [community])).Code);
        Assert.Equal($"/{street.Id}/", street.Path);
    }

    [Fact]
    public void Move_BreakingTheNesting_IsRefusedAndChangesNothing()
    {
        var street = Node(TerritoryNodeKind.Street, null);
        var community = Node(TerritoryNodeKind.Community, street);
        var grid = Node(TerritoryNodeKind.Grid, community);
        var before = grid.Path;

        Assert.Equal("territory.kind_not_allowed_here", Assert.Throws<TerritoryRuleException>(() => grid.MoveUnder(street, [])).Code);
        Assert.Equal(before, grid.Path);
    }

    [Fact]
    public void Retire_WithActiveChildren_IsRefused_AndRetiringTwiceKeepsTheFirstTime()
    {
        var street = Node(TerritoryNodeKind.Street, null);

        Assert.Equal("territory.has_active_children", Assert.Throws<TerritoryRuleException>(() => street.Retire(hasActiveChildren: true, Now)).Code);
        street.Retire(hasActiveChildren: false, Now);
        street.Retire(hasActiveChildren: false, Now.AddDays(1));
        Assert.Equal(Now, street.RetiredAt);
        Assert.False(street.IsActive);
    }

    [Fact]
    public void Rename_TrimsAndReportsWhetherAnythingChanged()
    {
        var street = Node(TerritoryNodeKind.Street, null);

        Assert.True(street.Rename(" 朝阳门街道 "));
        Assert.False(street.Rename("朝阳门街道"));
        Assert.Equal("朝阳门街道", street.Name);
    }
}
