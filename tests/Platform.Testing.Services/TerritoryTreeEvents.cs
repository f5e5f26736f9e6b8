using Platform.Districts.Contracts;

namespace Platform.Testing.Services;

/// <summary>
/// Builds the events with which the Districts service announces a territory tree, parents first, so that a service's
/// tests can give its replica a small tree of known ids.
/// </summary>
/// <param name="tenantId">The district the nodes belong to.</param>
public sealed class TerritoryTreeEvents(Guid tenantId)
{
    private readonly Dictionary<Guid, string> _paths = [];

    /// <summary>The events so far, parents before children.</summary>
    public List<TerritoryNodeAddedIntegrationEvent> Events { get; } = [];

    /// <summary>The materialised path of a node added before.</summary>
    public string PathOf(Guid id) => _paths[id];

    /// <summary>Adds a node under <paramref name="parent"/> (null: at the top).</summary>
    public TerritoryTreeEvents Add(Guid id, Guid? parent, TerritoryNodeKind kind, string name)
    {
        var path = TerritoryPath.Of(parent is { } p ? _paths[p] : null, id);
        _paths[id] = path;
        Events.Add(new TerritoryNodeAddedIntegrationEvent
        {
            TenantId = tenantId, NodeId = id, ParentId = parent, Kind = kind, Code = $"T{id.ToString()[^4..]}", Name = name, Path = path,
        });
        return this;
    }
}
