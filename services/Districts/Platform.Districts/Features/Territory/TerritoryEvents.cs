using Platform.Districts.Contracts;
using Platform.Districts.Domain;
using Platform.Domain;

namespace Platform.Districts.Features.Territory;

/// <summary>
/// The integration events that tell other services about changes to the tree. The tenant is passed in because
/// a new node is stamped with it only when saved.
/// </summary>
internal static class TerritoryEvents
{
    public static TerritoryNodeAddedIntegrationEvent Added(Guid tenantId, TerritoryNode node, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        OccurredAt = now,
        NodeId = node.Id,
        ParentId = node.ParentId,
        Kind = node.Kind,
        Code = node.Code,
        Name = node.Name,
        Path = node.Path,
    };

    public static TerritoryNodeRenamedIntegrationEvent Renamed(Guid tenantId, TerritoryNode node, DateTimeOffset now) =>
        new() { TenantId = tenantId, OccurredAt = now, NodeId = node.Id, Name = node.Name };

    public static TerritoryNodeAttributesChangedIntegrationEvent AttributesChanged(Guid tenantId, TerritoryNode node, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        OccurredAt = now,
        NodeId = node.Id,
        CommunityKind = node.CommunityKind is { } communityKind ? communityKind.ToWire() : null,
        GovernanceMode = node.GovernanceMode is { } mode ? mode.ToWire() : null,
        Households = node.Households,
        FloorArea = node.FloorArea,
        Latitude = node.Latitude,
        Longitude = node.Longitude,
    };

    public static TerritoryNodeMovedIntegrationEvent Moved(Guid tenantId, TerritoryNode node, string oldPath, DateTimeOffset now) =>
        new() { TenantId = tenantId, OccurredAt = now, NodeId = node.Id, ParentId = node.ParentId, OldPath = oldPath, NewPath = node.Path };

    public static TerritoryNodeRetiredIntegrationEvent Retired(Guid tenantId, TerritoryNode node, DateTimeOffset now) =>
        new() { TenantId = tenantId, OccurredAt = now, NodeId = node.Id };
}
