using Platform.Contracts;
using Platform.Domain;
using Platform.Residents.Contracts;
using Platform.Residents.Domain.Demands;

namespace Platform.Residents.Features.Demands;

/// <summary>The integration events a demand's steps publish; no personal data of the resident.</summary>
internal static class DemandEvents
{
    public static DemandReceivedIntegrationEvent Received(Demand demand) => new()
    {
        TenantId = demand.TenantId,
        OccurredAt = demand.ReceivedAt,
        DemandId = demand.Id,
        TrackingNumber = demand.TrackingNumber,
        Category = demand.Category,
        Channel = demand.Channel.ToWire(),
        NodeId = demand.NodeId,
    };

    /// <summary>The events of a step just taken (none for steps nobody outside needs to know about).</summary>
    public static IEnumerable<IIntegrationEvent> After(DemandAction action, Demand demand, Guid tenantId, DateTimeOffset now)
    {
        switch (action)
        {
            case DemandAction.Assign:
                yield return new DemandAssignedIntegrationEvent
                {
                    TenantId = tenantId, OccurredAt = now, DemandId = demand.Id, AssigneeType = demand.AssigneeType!.Value.ToWire(), AssigneeId = demand.AssigneeId!,
                };
                if (demand.AssigneeType == AssigneeType.PropertyCompany)
                {
                    yield return new DemandAssignedToPropertyCompanyIntegrationEvent
                    {
                        TenantId = tenantId,
                        OccurredAt = now,
                        DemandId = demand.Id,
                        TrackingNumber = demand.TrackingNumber,
                        CompanyId = demand.AssigneeId!,
                        NodeId = demand.NodeId,
                        Category = demand.Category,
                        Title = demand.Title,
                        Description = demand.Description,
                        ResolutionDueAt = demand.ResolutionDueAt,
                    };
                }

                break;
            case DemandAction.Whistle:
                yield return new DemandWhistleBlownIntegrationEvent
                {
                    TenantId = tenantId, OccurredAt = now, DemandId = demand.Id, Departments = demand.PendingDepartments,
                };
                break;
            case DemandAction.Resolve or DemandAction.Unresolvable:
                yield return Concluded(demand, tenantId, now);
                break;
            case DemandAction.Close:
                yield return new DemandClosedIntegrationEvent
                {
                    TenantId = tenantId,
                    OccurredAt = now,
                    DemandId = demand.Id,
                    Satisfaction = demand.Satisfaction is { } satisfaction ? satisfaction.ToWire() : null,
                    Score = demand.SatisfactionScore,
                };
                break;
        }
    }

    /// <summary>The demand was concluded (resolved or found unresolvable).</summary>
    public static DemandResolvedIntegrationEvent Concluded(Demand demand, Guid tenantId, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        OccurredAt = now,
        DemandId = demand.Id,
        Outcome = demand.Status.ToWire(),
    };
}
