using Platform.Contracts;

namespace Platform.Districts.Contracts;

/// <summary>Kinds of node in a district's territory tree, from street level down to a building's unit.</summary>
public enum TerritoryNodeKind
{
    /// <summary>街道.</summary>
    Street = 0,

    /// <summary>乡.</summary>
    Township = 1,

    /// <summary>镇.</summary>
    Town = 2,

    /// <summary>社区 (urban).</summary>
    Community = 3,

    /// <summary>村 (rural).</summary>
    Village = 4,

    /// <summary>网格.</summary>
    Grid = 5,

    /// <summary>小区.</summary>
    Compound = 6,

    /// <summary>楼栋.</summary>
    Building = 7,

    /// <summary>单元.</summary>
    Unit = 8,
}

/// <summary>
/// A node was added to a district's territory tree. <see cref="Path"/> is the materialised path of node ids
/// from the top of the tree down to and including this node, each followed by a slash:
/// <c>/{streetId}/{communityId}/</c>. A node lies inside another's subtree exactly when its path starts
/// with the other's path.
/// </summary>
public sealed record TerritoryNodeAddedIntegrationEvent : IntegrationEvent
{
    /// <summary>The node's stable id.</summary>
    public required Guid NodeId { get; init; }

    /// <summary>The parent node, or null for a node directly under the district.</summary>
    public Guid? ParentId { get; init; }

    /// <summary>The node's kind.</summary>
    public required TerritoryNodeKind Kind { get; init; }

    /// <summary>External code, unique within the district.</summary>
    public required string Code { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Materialised path, see the type's remarks.</summary>
    public required string Path { get; init; }
}

/// <summary>A territory node was renamed.</summary>
public sealed record TerritoryNodeRenamedIntegrationEvent : IntegrationEvent
{
    /// <summary>The node's id.</summary>
    public required Guid NodeId { get; init; }

    /// <summary>The new display name.</summary>
    public required string Name { get; init; }
}

/// <summary>
/// A territory node's kind-specific attributes changed. Enumerated values use the API's snake-case names
/// (<c>old_estate</c>, <c>five_party</c>); every member carries the node's complete current state.
/// </summary>
public sealed record TerritoryNodeAttributesChangedIntegrationEvent : IntegrationEvent
{
    /// <summary>The node's id.</summary>
    public required Guid NodeId { get; init; }

    /// <summary>社区类型, for communities and villages.</summary>
    public string? CommunityKind { get; init; }

    /// <summary>治理模式, for compounds.</summary>
    public string? GovernanceMode { get; init; }

    /// <summary>户数.</summary>
    public int? Households { get; init; }

    /// <summary>建筑面积 in square metres.</summary>
    public decimal? FloorArea { get; init; }

    /// <summary>Latitude (WGS-84), when the node has a location.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude (WGS-84), when the node has a location.</summary>
    public double? Longitude { get; init; }
}

/// <summary>
/// A territory node moved under another parent together with its whole subtree: every node whose path starts
/// with <see cref="OldPath"/> now starts with <see cref="NewPath"/> instead.
/// </summary>
public sealed record TerritoryNodeMovedIntegrationEvent : IntegrationEvent
{
    /// <summary>The node that moved.</summary>
    public required Guid NodeId { get; init; }

    /// <summary>The new parent, or null when the node now sits directly under the district.</summary>
    public Guid? ParentId { get; init; }

    /// <summary>The node's path before the move.</summary>
    public required string OldPath { get; init; }

    /// <summary>The node's path after the move.</summary>
    public required string NewPath { get; init; }
}

/// <summary>A territory node was retired (never deleted): it keeps its history but takes no new assignments.</summary>
public sealed record TerritoryNodeRetiredIntegrationEvent : IntegrationEvent
{
    /// <summary>The retired node.</summary>
    public required Guid NodeId { get; init; }
}

/// <summary>
/// The materialised-path format of territory nodes, shared by the Districts service that builds paths and the
/// services that keep copies: <see cref="Root"/> is the district itself, each node appends <c>{id}/</c>.
/// </summary>
public static class TerritoryPath
{
    /// <summary>The path of the district itself, above every street.</summary>
    public const string Root = "/";

    /// <summary>The path of node <paramref name="id"/> under the node at <paramref name="parentPath"/> (null: under the district).</summary>
    public static string Of(string? parentPath, Guid id) => $"{parentPath ?? Root}{id}/";

    /// <summary>How deep the node at <paramref name="path"/> sits: 0 for the district, 1 for a street.</summary>
    public static int DepthOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.AsSpan().Count('/') - 1;
    }

    /// <summary>Whether the node at <paramref name="path"/> is the node at <paramref name="ancestorPath"/> or lies in its subtree.</summary>
    public static bool IsWithin(string path, string ancestorPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith(ancestorPath, StringComparison.Ordinal);
    }
}
