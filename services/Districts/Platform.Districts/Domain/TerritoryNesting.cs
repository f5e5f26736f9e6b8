using Platform.Districts.Contracts;

namespace Platform.Districts.Domain;

/// <summary>
/// Which kinds may sit under which: district → street / township / town → community / village → grid →
/// compound → building → unit. A compound may also sit straight under a community or village where the
/// community does not use grids.
/// </summary>
public static class TerritoryNesting
{
    private static readonly TerritoryNodeKind[] TopLevel = [TerritoryNodeKind.Street, TerritoryNodeKind.Township, TerritoryNodeKind.Town];

    private static readonly Dictionary<TerritoryNodeKind, TerritoryNodeKind[]> Children = new()
    {
        [TerritoryNodeKind.Street] = [TerritoryNodeKind.Community, TerritoryNodeKind.Village],
        [TerritoryNodeKind.Township] = [TerritoryNodeKind.Community, TerritoryNodeKind.Village],
        [TerritoryNodeKind.Town] = [TerritoryNodeKind.Community, TerritoryNodeKind.Village],
        [TerritoryNodeKind.Community] = [TerritoryNodeKind.Grid, TerritoryNodeKind.Compound],
        [TerritoryNodeKind.Village] = [TerritoryNodeKind.Grid, TerritoryNodeKind.Compound],
        [TerritoryNodeKind.Grid] = [TerritoryNodeKind.Compound],
        [TerritoryNodeKind.Compound] = [TerritoryNodeKind.Building],
        [TerritoryNodeKind.Building] = [TerritoryNodeKind.Unit],
        [TerritoryNodeKind.Unit] = [],
    };

    /// <summary>Whether a node of kind <paramref name="child"/> may sit under <paramref name="parent"/> (null = the district itself).</summary>
    public static bool Allows(TerritoryNodeKind? parent, TerritoryNodeKind child) =>
        parent is { } kind ? Children[kind].Contains(child) : TopLevel.Contains(child);
}
