using System.Text;
using Platform.Districts.Contracts;
using Platform.Districts.Domain;
using Platform.Districts.Features.Imports;
using Platform.Districts.Features.Territory;
using Platform.Imports.Tabular;
using Platform.TerritoryReplica;

namespace Platform.Districts.Tests;

/// <summary>The import plan on its own: rows against an in-memory tree, no database.</summary>
public sealed class TerritoryImportPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Tenant = Guid.CreateVersion7();
    private static readonly TerritoryAccess WholeDistrict = new(CallerScope.WholeDistrict, IsEditor: true);

    private static TerritoryFileContent File(params string[] rows) =>
        TerritoryFile.Read(TabularFile.Read(Encoding.UTF8.GetBytes(string.Join("\n", ["kind,code,name,parent_code", .. rows]))));

    /// <summary>Two streets, each with a community, a grid and a compound.</summary>
    private static List<TerritoryNode> ExistingTree()
    {
        var east = TerritoryNode.Create(TerritoryNodeKind.Street, "E", "东街道", null, Now);
        var west = TerritoryNode.Create(TerritoryNodeKind.Street, "W", "西街道", null, Now);
        var eastCommunity = TerritoryNode.Create(TerritoryNodeKind.Community, "EC", "东社区", east, Now);
        var westCommunity = TerritoryNode.Create(TerritoryNodeKind.Community, "WC", "西社区", west, Now);
        var eastGrid = TerritoryNode.Create(TerritoryNodeKind.Grid, "EG", "东网格", eastCommunity, Now);
        var westGrid = TerritoryNode.Create(TerritoryNodeKind.Grid, "WG", "西网格", westCommunity, Now);
        var eastCompound = TerritoryNode.Create(TerritoryNodeKind.Compound, "EK", "东小区", eastGrid, Now);
        return [east, west, eastCommunity, westCommunity, eastGrid, westGrid, eastCompound];
    }

    [Fact]
    public void NestedMoves_ReplayedFromTheEventsInOrder_GiveEveryNodeItsFinalPath()
    {
        var existing = ExistingTree();
        var stored = existing.ToDictionary(n => n.Id, n => n.Path);

        // The east community moves to the west street, and its grid's compound moves to the west grid.
        var plan = TerritoryImportPlan.Make(File("community,EC,东社区,W", "compound,EK,东小区,WG"), existing, WholeDistrict, Tenant, Now);

        Assert.Empty(plan.Errors);
        Assert.Equal(2, plan.Summary["moved"]);
        foreach (var moved in plan.Events.OfType<TerritoryNodeMovedIntegrationEvent>())
        {
            foreach (var id in stored.Keys.Where(id => stored[id].StartsWith(moved.OldPath, StringComparison.Ordinal)).ToList())
            {
                stored[id] = moved.NewPath + stored[id][moved.OldPath.Length..];
            }
        }

        Assert.All(existing, node => Assert.Equal(node.Path, stored[node.Id]));
        var grid = existing.Single(n => n.Code == "EG");
        Assert.Contains(grid, plan.Changed);
        Assert.StartsWith(existing.Single(n => n.Code == "W").Path, grid.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_IsReportedOnEveryRowInIt_AndNothingIsPlanned()
    {
        var plan = TerritoryImportPlan.Make(File("grid,G1,一,G2", "grid,G2,二,G1", "street,S,街道,"), [], WholeDistrict, Tenant, Now);

        Assert.Equal([2, 3], plan.Errors.Select(e => e.Line).Order());
        Assert.All(plan.Errors, e => Assert.Contains("cycle", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Row_ForARetiredNodeOrChangingAKind_IsRejected()
    {
        var existing = ExistingTree();
        var compound = existing.Single(n => n.Code == "EK");
        compound.Retire(hasActiveChildren: false, Now);

        var plan = TerritoryImportPlan.Make(File("compound,EK,东小区,EG", "community,EG,东网格,EC"), existing, WholeDistrict, Tenant, Now);

        Assert.Equal([2, 3], plan.Errors.Select(e => e.Line));
        Assert.Contains("retired", plan.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("kind cannot change", plan.Errors[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Child_OfARejectedRow_NamesTheParentsLine()
    {
        var plan = TerritoryImportPlan.Make(File("street,S,,", "community,C,社区,S"), [], WholeDistrict, Tenant, Now);

        Assert.Equal([2, 3], plan.Errors.Select(e => e.Line));
        Assert.Contains("(line 2) was rejected", plan.Errors[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void StreetScope_CannotAddOrMoveOutsideItsStreet()
    {
        var existing = ExistingTree();
        var east = existing.Single(n => n.Code == "E");
        var streetAdmin = new TerritoryAccess(new CallerScope(east.Path), IsEditor: true);

        var plan = TerritoryImportPlan.Make(
            File("community,NEW-W,新社区,W", "community,NEW-E,新社区,E", "grid,EG,东网格,WC"), existing, streetAdmin, Tenant, Now);

        Assert.Equal([2, 4], plan.Errors.Select(e => e.Line));
        Assert.All(plan.Errors, e => Assert.Contains("Outside your territory", e.Reason, StringComparison.Ordinal));
    }
}
