using Platform.Contracts;

namespace Platform.SocialOrgs.Contracts;

/// <summary>
/// A social organisation entered the registry or moved along its status lifecycle (unregistered → filed 备案 →
/// registered 登记). Carries no personal data: contacts stay in the social-organisation service.
/// </summary>
public sealed record SocialOrganisationStatusChangedIntegrationEvent : IntegrationEvent
{
    /// <summary>The organisation.</summary>
    public required Guid OrganisationId { get; init; }

    /// <summary>Its name, e.g. 幸福邻里互助会.</summary>
    public required string Name { get; init; }

    /// <summary>Its home community or street (a territory node id).</summary>
    public required Guid HomeNodeId { get; init; }

    /// <summary>The status now: <c>unregistered</c>, <c>filed</c> or <c>registered</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The unified social credit code (统一社会信用代码), once registered.</summary>
    public string? CreditCode { get; init; }
}
