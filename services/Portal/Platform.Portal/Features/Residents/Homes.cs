using Platform.Portal.Api;
using Platform.Portal.Features.Territory;

namespace Platform.Portal.Features.Residents;

/// <summary>A building or unit people can live in, named with the places above it (东湖新村 1号楼 1单元).</summary>
public sealed record Home(Guid Id, string Label);

/// <summary>A move form's search: the places found by name, the one whose homes are listed, and those homes.</summary>
public sealed record HomeSearch(IReadOnlyList<Place>? Places, Guid? At, IReadOnlyList<Home>? Homes, ApiProblem? Problem);

/// <summary>
/// Where a resident or household can move to. Buildings are named 1号楼, 2号楼 in every compound, so a home is
/// not searched by its own name: the user finds the compound (or the building by its code) and chooses among
/// the buildings and units under it.
/// </summary>
internal static class Homes
{
    private static readonly HashSet<string> HomeKinds = new(StringComparer.Ordinal) { "building", "unit" };

    // The levels a home is found under: a compound or courtyard holds buildings, which hold units.
    private static readonly HashSet<string> HomeHolderKinds = new(StringComparer.Ordinal) { "compound", "courtyard", "building", "unit" };

    /// <summary>Whether a home can be chosen at or under <paramref name="place"/>.</summary>
    public static bool HoldsHomes(Place place) => HomeHolderKinds.Contains(place.Kind);

    /// <summary>
    /// The places named like <paramref name="name"/> and the homes at the place <paramref name="at"/> chosen among them
    /// (or at the only one that holds homes).
    /// </summary>
    public static async Task<HomeSearch> FindHomesAsync(this GatewayApi api, string? name, Guid? at)
    {
        var (places, problem) = await api.FindPlacesAsync(name);
        // One place found needs no choosing.
        var chosen = at ?? (places?.Where(HoldsHomes).ToArray() is [var only] ? only.Id : null);
        if (problem is not null || chosen is not { } id)
        {
            return new HomeSearch(places, chosen, null, problem);
        }

        var (homes, homesProblem) = await api.HomesAtAsync(id);
        return new HomeSearch(places, chosen, homes, homesProblem);
    }

    private static async Task<(IReadOnlyList<Home>? Homes, ApiProblem? Problem)> HomesAtAsync(this GatewayApi api, Guid id)
    {

        var place = await api.GetAsync<TerritoryNodeView>($"/api/territory/nodes/{id}", CancellationToken.None);
        if (place.Value is not { } node)
        {
            return (null, place.Problem);
        }

        // A compound's buildings and their units: two levels.
        var below = await api.GetAsync<TreeView>($"/api/territory/tree?root={id}&depth=2", CancellationToken.None);
        return below.Value is { } tree ? (Under(node, tree.Nodes), null) : (null, below.Problem);
    }

    /// <summary>The place itself when it is a home, then every active home below it, in the tree's order.</summary>
    public static IReadOnlyList<Home> Under(TerritoryNodeView place, IReadOnlyList<TreeNodeView> below)
    {
        if (place.Retired)
        {
            return [];
        }

        IEnumerable<Home> own = HomeKinds.Contains(place.Kind) ? [new Home(place.Id, place.Name)] : [];
        return [.. own.Concat(Below(below, place.Name))];
    }

    private static IEnumerable<Home> Below(IEnumerable<TreeNodeView> nodes, string above) =>
        nodes.Where(node => node.Status != "retired").SelectMany(node =>
        {
            var label = $"{above} {node.Name}";
            IEnumerable<Home> own = HomeKinds.Contains(node.Kind) ? [new Home(node.Id, label)] : [];
            return own.Concat(Below(node.Children, label));
        });
}
