using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Districts.Domain;

/// <summary>
/// A node of a district's territory tree. Ids are stable; <see cref="Path"/> is the materialised path of ids
/// from the top of the tree down to this node (<c>/{streetId}/{communityId}/</c>), so a subtree is every node
/// whose path starts with this one's. Nodes are retired, never deleted.
/// </summary>
public sealed class TerritoryNode : ITenantOwned
{
    private TerritoryNode()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The node's kind.</summary>
    public TerritoryNodeKind Kind { get; private set; }

    /// <summary>External code (from the government system), unique within the district.</summary>
    public string Code { get; private set; } = "";

    /// <summary>Display name, e.g. 朝阳门街道.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The parent node; null for a node directly under the district.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>Materialised path, see the type's remarks.</summary>
    public string Path { get; private set; } = "";

    /// <summary>When the node was retired; retired nodes take no new children, residents or assignments.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Whether the node is in use.</summary>
    public bool IsActive => RetiredAt is null;

    /// <summary>How deep the node sits: 1 for a street. Stored, so "n levels below" is an indexed range.</summary>
    public int Depth { get; private set; }

    /// <summary>社区类型 (communities and villages).</summary>
    public CommunityKind? CommunityKind { get; private set; }

    /// <summary>治理模式 (compounds).</summary>
    public GovernanceMode? GovernanceMode { get; private set; }

    /// <summary>户数.</summary>
    public int? Households { get; private set; }

    /// <summary>建筑面积 in square metres.</summary>
    public decimal? FloorArea { get; private set; }

    /// <summary>Latitude of the optional location.</summary>
    public double? Latitude { get; private set; }

    /// <summary>Longitude of the optional location.</summary>
    public double? Longitude { get; private set; }

    /// <summary>The kind-specific attributes as one value.</summary>
    public TerritoryAttributes Attributes => new(
        CommunityKind, GovernanceMode, Households, FloorArea, Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null);

    /// <summary>Creates a node under <paramref name="parent"/> (null: directly under the district).</summary>
    /// <exception cref="TerritoryRuleException">The kind may not sit there, or the parent is retired.</exception>
    /// <exception cref="TerritoryRuleException">An attribute does not apply to the kind or is out of range.</exception>
    public static TerritoryNode Create(
        TerritoryNodeKind kind, string code, string name, TerritoryNode? parent, DateTimeOffset now, TerritoryAttributes? attributes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        EnsureCanHold(parent, kind);
        attributes ??= TerritoryAttributes.None;
        attributes.EnsureValidFor(kind);
        var id = Guid.CreateVersion7(now);
        var node = new TerritoryNode
        {
            Id = id,
            Kind = kind,
            Code = code.Trim(),
            Name = name.Trim(),
            ParentId = parent?.Id,
        };
        node.Assign(attributes);
        node.PlaceAt(TerritoryPath.Of(parent?.Path, id));
        return node;
    }

    /// <summary>Replaces the kind-specific attributes; returns whether anything changed.</summary>
    /// <exception cref="TerritoryRuleException">An attribute does not apply to the node's kind or is out of range.</exception>
    public bool ChangeAttributes(TerritoryAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        attributes.EnsureValidFor(Kind);
        if (Attributes == attributes)
        {
            return false;
        }

        Assign(attributes);
        return true;
    }

    /// <summary>Renames the node; returns whether the name changed.</summary>
    public bool Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Name == name.Trim())
        {
            return false;
        }

        Name = name.Trim();
        return true;
    }

    /// <summary>
    /// Moves the node with its whole subtree under <paramref name="newParent"/> (null: directly under the
    /// district): the node takes its new place and every descendant's path and depth follow. This is the one
    /// subtree rebase; the API's move and the import both go through it.
    /// </summary>
    /// <param name="newParent">The new parent; null for directly under the district.</param>
    /// <param name="descendants">
    /// Every node below this one, retired ones included, in any order. The caller loads the complete subtree:
    /// a descendant left out would keep a path into the old place.
    /// </param>
    /// <returns>The node's path before and after the move.</returns>
    /// <exception cref="TerritoryRuleException">The move would create a cycle, break the nesting rules or use a retired parent.</exception>
    /// <exception cref="ArgumentException">A node given as a descendant does not lie below this one.</exception>
    public (string OldPath, string NewPath) MoveUnder(TerritoryNode? newParent, IReadOnlyCollection<TerritoryNode> descendants)
    {
        ArgumentNullException.ThrowIfNull(descendants);
        if (newParent is not null && TerritoryPath.IsWithin(newParent.Path, Path))
        {
            throw new TerritoryRuleException(TerritoryErrors.MoveIntoOwnSubtree, $"'{Name}' cannot move under itself or one of its descendants.");
        }

        EnsureCanHold(newParent, Kind);
        var oldPath = Path;
        if (descendants.FirstOrDefault(d => d.Id == Id || !TerritoryPath.IsWithin(d.Path, oldPath)) is { } stranger)
        {
            throw new ArgumentException($"Node {stranger.Id} does not lie below {Id}.", nameof(descendants));
        }

        ParentId = newParent?.Id;
        PlaceAt(TerritoryPath.Of(newParent?.Path, Id));
        foreach (var descendant in descendants)
        {
            descendant.PlaceAt(Path + descendant.Path[oldPath.Length..]);
        }

        return (oldPath, Path);
    }

    /// <summary>Retires the node; a node with active children cannot be retired (retire the children first).</summary>
    /// <exception cref="TerritoryRuleException">The node still has active children.</exception>
    public void Retire(bool hasActiveChildren, DateTimeOffset now)
    {
        if (hasActiveChildren)
        {
            throw new TerritoryRuleException(TerritoryErrors.HasActiveChildren, $"'{Name}' still has active children; retire or move them first.");
        }

        RetiredAt ??= now;
    }

    private void Assign(TerritoryAttributes attributes)
    {
        CommunityKind = attributes.CommunityKind;
        GovernanceMode = attributes.GovernanceMode;
        Households = attributes.Households;
        FloorArea = attributes.FloorArea;
        Latitude = attributes.Location?.Latitude;
        Longitude = attributes.Location?.Longitude;
    }

    private void PlaceAt(string path)
    {
        Path = path;
        Depth = TerritoryPath.DepthOf(path);
    }

    private static void EnsureCanHold(TerritoryNode? parent, TerritoryNodeKind kind)
    {
        if (parent is { IsActive: false })
        {
            throw new TerritoryRuleException(TerritoryErrors.ParentRetired, $"'{parent.Name}' is retired and takes no new children.");
        }

        if (!TerritoryNesting.Allows(parent?.Kind, kind))
        {
            var where = parent is null ? "directly under the district" : $"under a {parent.Kind.ToWire()}";
            throw new TerritoryRuleException(TerritoryErrors.KindNotAllowedHere, $"A {kind.ToWire()} cannot sit {where}.");
        }
    }
}
