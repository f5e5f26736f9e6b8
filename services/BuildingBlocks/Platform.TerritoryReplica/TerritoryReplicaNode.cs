using Platform.Districts.Contracts;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.TerritoryReplica;

/// <summary>
/// A service's read-only copy of one node of a district's territory tree, kept current from the Districts
/// service's events. It carries what other services need to place their records in the tree and to check scope:
/// parent, kind, code, name and the materialised path (<see cref="TerritoryPath"/>).
/// </summary>
public sealed class TerritoryReplicaNode : ITenantOwned
{
    /// <summary>The node id (the Districts service's).</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid TenantId { get; set; }

    /// <summary>The parent node, null directly under the district.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>The node's kind.</summary>
    public TerritoryNodeKind Kind { get; set; }

    /// <summary>External code, unique within the district (what spreadsheets name a node by).</summary>
    public string Code { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Materialised path of node ids, <c>/{id}/{id}/</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>Retired nodes take no new records.</summary>
    public bool Retired { get; set; }

    /// <summary>The node's state as the Districts service reports it, to compare the replica with the original.</summary>
    public TerritoryNodeState ReplicatedState() => new(Id, ParentId, Kind, Code, Name, Path, Retired);

    /// <summary>Takes over <paramref name="state"/> of this node, as the Districts service reported it in a snapshot.</summary>
    public void Assign(TerritoryNodeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.NodeId != Id)
        {
            throw new ArgumentException($"The state of node {state.NodeId} cannot be assigned to node {Id}.", nameof(state));
        }

        ParentId = state.ParentId;
        Kind = state.Kind;
        Code = state.Code;
        Name = state.Name;
        Path = state.Path;
        Retired = state.Retired;
    }

    /// <summary>The ids on the path from the top of the tree down to this node.</summary>
    public IEnumerable<Guid> PathIds() =>
        Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);
}
