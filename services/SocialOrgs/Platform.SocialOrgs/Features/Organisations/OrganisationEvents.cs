using Platform.Domain;
using Platform.SocialOrgs.Contracts;
using Platform.SocialOrgs.Domain;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>The integration events about organisations; no personal data.</summary>
internal static class OrganisationEvents
{
    public static SocialOrganisationStatusChangedIntegrationEvent StatusChanged(Guid tenantId, Organisation organisation, DateTimeOffset now) => new()
    {
        // The organisation's own TenantId is stamped when it is first saved, after this event is queued.
        TenantId = tenantId,
        OccurredAt = now,
        OrganisationId = organisation.Id,
        Name = organisation.Name,
        HomeNodeId = organisation.HomeNodeId,
        Status = organisation.Status.ToWire(),
        CreditCode = organisation.CreditCode,
    };
}
