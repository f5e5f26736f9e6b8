using Platform.Residents.Contracts;
using Platform.Residents.Domain;

namespace Platform.Residents.Features.Residents;

/// <summary>The integration events about residents; ids and hashes only.</summary>
internal static class ResidentEvents
{
    public static ResidentRegisteredIntegrationEvent Registered(Guid tenantId, Resident resident) => new()
    {
        TenantId = tenantId,
        OccurredAt = resident.RegisteredAt,
        ResidentId = resident.Id,
        NodeId = resident.NodeId,
        HouseholdId = resident.HouseholdId,
        IdNumberHash = resident.IdNumberHash,
        Tags = [.. resident.Tags],
    };

    public static ResidentMovedIntegrationEvent Moved(Guid tenantId, Resident resident, Guid fromNodeId, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        OccurredAt = now,
        ResidentId = resident.Id,
        FromNodeId = fromNodeId,
        ToNodeId = resident.NodeId,
        HouseholdId = resident.HouseholdId,
    };

    public static ResidentTagsChangedIntegrationEvent TagsChanged(Guid tenantId, Resident resident, DateTimeOffset now) =>
        new() { TenantId = tenantId, OccurredAt = now, ResidentId = resident.Id, Tags = [.. resident.Tags] };
}
