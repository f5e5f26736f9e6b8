using Platform.Districts.Contracts;
using Platform.MultiTenancy;

namespace Platform.Testing.Services;

/// <summary>
/// Builds the events that announce a territory tree, parents first, as the Districts service publishes them, so a
/// test can give a service under test a tree of its own (see <see cref="ServiceFixture{TProgram, TContext}.PublishTreeAsync"/>).
/// </summary>
/// <param name="tenant">The district the nodes belong to.</param>
public sealed class TerritoryTreeEvents(TenantInfo tenant)
{
    private readonly Dictionary<Guid, string> _paths = [];

    /// <summary>The district the nodes belong to.</summary>
    public TenantInfo Tenant { get; } = tenant;

    /// <summary>One event per node added, in the order they were added.</summary>
    public List<TerritoryNodeAddedIntegrationEvent> Events { get; } = [];

    /// <summary>Adds a node under <paramref name="parent"/> (null: directly under the district), which must have been added before.</summary>
    public TerritoryTreeEvents Add(Guid id, Guid? parent, TerritoryNodeKind kind, string name)
    {
        var path = TerritoryPath.Of(parent is { } p ? _paths[p] : null, id);
        _paths[id] = path;
        Events.Add(new TerritoryNodeAddedIntegrationEvent
        {
            TenantId = Tenant.Id, NodeId = id, ParentId = parent, Kind = kind, Code = $"T{id.ToString()[^4..]}", Name = name, Path = path,
        });
        return this;
    }
}
