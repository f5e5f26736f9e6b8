using Platform.Portal.Api;
using Platform.Portal.Features.Territory;

namespace Platform.Portal.Features.Dashboard;

/// <summary>The node the dashboard is about: the one chosen, or the places to choose from when a name fits several.</summary>
public sealed record NodePick(Place? Chosen, IReadOnlyList<Place> Choices, ApiProblem? Problem)
{
    public static NodePick None { get; } = new(null, [], null);
}

/// <summary>
/// Choosing the dashboard's node by its name. The address keeps the node's id (<c>node</c>) beside the name typed
/// (<c>place</c>), so a view can be bookmarked; typing another name searches again, and clearing it goes back to
/// the caller's whole part of the district.
/// </summary>
internal static class NodePicker
{
    /// <summary>The node for the address's <paramref name="nodeId"/> and <paramref name="name"/> (null: the address has no <c>place</c>).</summary>
    public static async Task<NodePick> PickAsync(this GatewayApi api, string? nodeId, string? name)
    {
        if (name is not null && FormText.Trimmed(name) is null)
        {
            return NodePick.None;
        }

        Place? chosen = null;
        if (Guid.TryParse(nodeId, out var id))
        {
            var node = await api.GetAsync<Place>($"/api/territory/nodes/{id}", CancellationToken.None);
            if (node.Problem is { } problem)
            {
                return new NodePick(null, [], problem);
            }

            chosen = node.Value;
        }

        if (FormText.Trimmed(name) is not { } named || named == chosen?.Name || string.Equals(named, chosen?.Code, StringComparison.OrdinalIgnoreCase))
        {
            return new NodePick(chosen, [], null);
        }

        var (found, searchProblem) = await api.FindPlacesAsync(named);
        return searchProblem is null ? Choose(named, found ?? []) : new NodePick(null, [], searchProblem);
    }

    /// <summary>
    /// The place <paramref name="name"/> names among those <paramref name="found"/>: the only one found, or the only one
    /// with exactly that name or code; otherwise every place found, to choose from (none: the name fits nothing).
    /// </summary>
    public static NodePick Choose(string name, IReadOnlyList<Place> found)
    {
        if (found is [var only])
        {
            return new NodePick(only, [], null);
        }

        var exact = found.Where(place => place.Name == name || string.Equals(place.Code, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        return exact is [var named]
            ? new NodePick(named, [], null)
            : new NodePick(null, found, found.Count == 0 ? ApiProblem.InvalidField("node", "No node has this name in your area.") : null);
    }
}
