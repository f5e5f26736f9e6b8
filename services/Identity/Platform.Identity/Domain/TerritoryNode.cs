using Platform.MultiTenancy.EntityFramework;

namespace Platform.Identity.Domain;

/// <summary>
/// Identity's copy of a district's territory node, kept current from the Districts service's events; only what
/// scope checks need: the materialised path and whether the node is retired.
/// </summary>
public sealed class TerritoryNode : ITenantOwned
{
    /// <summary>The node id (the Districts service's).</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid TenantId { get; set; }

    /// <summary>Materialised path of node ids, <c>/{id}/{id}/</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>Retired nodes accept no new memberships.</summary>
    public bool Retired { get; set; }

    /// <summary>The node as a scope.</summary>
    public TerritoryScope AsScope() => new(Id, Path);
}
